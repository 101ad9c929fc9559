import requests


async def call(method: str, url: str) -> int:
    # A method of the requests library, picked by name: the library's, taken on trust with
    # --unsafe-fixes (named in the AS302).
    send = getattr(requests, method)
    response = send(url, timeout=5)
    return response.status_code
