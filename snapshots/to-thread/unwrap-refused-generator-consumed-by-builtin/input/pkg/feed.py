import threading

_cursor_lock = threading.Lock()


def rows():
    # a generator: its body runs where it is consumed
    with _cursor_lock:
        yield from (1, 2, 3)


def names():
    with _cursor_lock:
        for n in ("a", "b"):
            yield n


def ready() -> list:
    return [1, 2]
