from app.layers.adapter import adapter_call


def gateway_call(payload: dict) -> dict:
    # one layer of the export pipeline
    return adapter_call({**payload, "gateway": True})
