class RunCancelledException(Exception):
    """Raised inside a run that was cancelled."""
