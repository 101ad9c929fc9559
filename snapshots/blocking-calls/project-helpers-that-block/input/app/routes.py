import asyncio
import subprocess

from app import arm
from app.arm import get_skus, region_label


def _cli_version() -> str:
    return subprocess.check_output(["az", "version"], text=True)


async def regions(sub: str) -> list[str]:
    return arm.list_regions(sub)


async def skus(sub: str, region: str) -> list[dict]:
    return get_skus(sub, region)


async def labels(regions: list[str]) -> list[str]:
    # Pure string work: nothing to say.
    return [region_label(r) for r in regions]


async def version() -> str:
    return _cli_version()


async def regions_in_thread(sub: str) -> list[str]:
    return await asyncio.to_thread(arm.list_regions, sub)


async def connect(url: str) -> str:
    return url


async def start(url: str) -> None:
    from app.bridge import run_in_pool

    run_in_pool(connect, url)


async def products(tenant: str) -> list:
    from app import cloud

    return cloud.list_products(tenant)


async def store_for(hook_url: str | None) -> dict:
    # Builds a client and does no I/O: nothing to say.
    from app.clients import get_redis, make_store

    get_redis()
    return make_store(hook_url)
