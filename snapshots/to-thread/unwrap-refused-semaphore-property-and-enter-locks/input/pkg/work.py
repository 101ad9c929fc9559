import threading

from pkg.state import REGISTRY_LOCK, Guard, Tracker, _alias_lock, _sem, get_cache


def imported_lock() -> None:
    with REGISTRY_LOCK:
        print("x")


def semaphore() -> None:
    with _sem:
        print("x")


def alias_lock() -> None:
    with _alias_lock:
        print("x")


def property_lock() -> str:
    return get_cache().token


def enter_lock() -> None:
    with Guard():
        print("x")


def init_lock() -> Tracker:
    return Tracker("a")


def param_lock(lock: threading.Lock) -> None:
    with lock:
        print("x")
