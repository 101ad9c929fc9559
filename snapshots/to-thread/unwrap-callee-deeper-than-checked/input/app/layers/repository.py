from app.layers.gateway import gateway_call


def repository_call(payload: dict) -> dict:
    # one layer of the export pipeline
    return gateway_call({**payload, "repository": True})
