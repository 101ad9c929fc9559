import requests


def fetch_all(url: str) -> list:
    return requests.get(url, timeout=10).json()["value"]
