import threading

_runner: threading.Thread | None = None


def wait_for_runner(timeout: float = 2.0) -> bool:
    """Join the active replay runner thread, if any."""
    if _runner is None:
        return True
    _runner.join(timeout=timeout)
    return not _runner.is_alive()
