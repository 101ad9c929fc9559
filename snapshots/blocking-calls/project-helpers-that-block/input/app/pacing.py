import time

_last: dict[str, float] = {}


def wait_for_quota(sub: str) -> None:
    # ARM throttles per subscription: one call a second.
    elapsed = time.monotonic() - _last.get(sub, 0.0)
    if elapsed < 1.0:
        time.sleep(1.0 - elapsed)
    _last[sub] = time.monotonic()
