import multiprocessing

from pkg.sync_utils import Counter, locked, register, synchronized

_mp_lock = multiprocessing.Lock()


@synchronized
def refresh_token(user_id: int) -> str:
    return f"token-{user_id}"


def write_report(key: str, body: str) -> None:
    with locked(key):
        print(body)


def mp_guarded() -> None:
    with _mp_lock:
        print("guarded")


@register
def render_name(user_id: int) -> str:
    return f"user-{user_id}"
