import threading

from ..util.pacing import pause_between_batches

_write_lock = threading.Lock()


def write_rows(rows):
    # One writer at a time: the lock is held while another thread writes.
    with _write_lock:
        return len(rows)


def flush(rows):
    return write_rows(rows)


def slow_flush(rows):
    pause_between_batches()
    return len(rows)


def count_rows(rows):
    return len(rows)


class Shard:
    def __init__(self):
        self.ready = threading.Event()

    def wait_ready(self):
        self.ready.wait()

    def describe(self):
        return {"ready": self.ready.is_set()}
