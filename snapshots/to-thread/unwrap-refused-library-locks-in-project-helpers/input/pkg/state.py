import json

from pkg.locks import named_lock


def save_state(path: str, state: dict) -> None:
    with named_lock("state"):
        with open(path, "w") as fh:
            json.dump(state, fh)
