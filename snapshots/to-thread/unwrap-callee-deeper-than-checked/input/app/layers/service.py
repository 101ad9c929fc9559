from app.layers.repository import repository_call


def service_call(payload: dict) -> dict:
    # one layer of the export pipeline
    return repository_call({**payload, "service": True})
