import time


def _twocaptcha(cfg: dict, *, sitekey: str, page_url: str, timeout_s: float = 120.0) -> str | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        time.sleep(5)  # poll 2captcha for the token
    return None


def _capsolver(cfg: dict, *, sitekey: str, page_url: str, timeout_s: float = 120.0) -> str | None:
    time.sleep(2)
    return None


_PROVIDERS = {
    "2captcha": _twocaptcha,
    "capsolver": _capsolver,  # the cheaper one
}


def solve(cfg: dict, *, sitekey: str, page_url: str) -> str | None:
    client = _PROVIDERS.get((cfg.get("solving_site") or "").lower())
    if client is None:
        return None
    return client(cfg, sitekey=sitekey, page_url=page_url)


def solve_with(cfg: dict, site: str, *, sitekey: str, page_url: str) -> str | None:
    return _PROVIDERS[site](cfg, sitekey=sitekey, page_url=page_url)


def run_hook(hook, payload: dict) -> dict:
    # The hook is whatever the caller registered: not read.
    return hook(payload)
