import threading

_token_lock = threading.Lock()
_tokens: dict[str, str] = {}


def bearer(tenant: str) -> str:
    with _token_lock:
        return _tokens.setdefault(tenant, "t-" + tenant)
