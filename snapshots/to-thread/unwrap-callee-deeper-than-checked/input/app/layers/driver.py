from app.layers.transport import transport_call


def driver_call(payload: dict) -> dict:
    # one layer of the export pipeline
    return transport_call({**payload, "driver": True})
