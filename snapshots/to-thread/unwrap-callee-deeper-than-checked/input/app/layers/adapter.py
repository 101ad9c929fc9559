from app.layers.driver import driver_call


def adapter_call(payload: dict) -> dict:
    # one layer of the export pipeline
    return driver_call({**payload, "adapter": True})
