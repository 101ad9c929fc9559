from app.layers.service import service_call


def api_call(payload: dict) -> dict:
    # one layer of the export pipeline
    return service_call({**payload, "api": True})
