import json


def load(raw: str) -> dict:
    return json.loads(raw)
