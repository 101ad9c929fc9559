import requests

from app.pacing import wait_for_quota

ARM = "https://management.example.invalid"


def list_regions(sub: str) -> list[str]:
    return requests.get(f"{ARM}/{sub}/regions", timeout=10).json()


def get_skus(sub: str, region: str) -> list[dict]:
    wait_for_quota(sub)
    return []


def region_label(region: str) -> str:
    return region.replace("-", " ").title()
