import asyncio

import httpx


async def fetch(url: str) -> bytes:
    async with httpx.AsyncClient() as client:
        return (await client.get(url)).content


async def refresh_feed(url: str) -> int:
    # Raises RuntimeError: a loop already runs here (FastAPI's).
    body = await fetch(url)
    return len(body)


async def close_pool(client: httpx.AsyncClient) -> None:
    loop = asyncio.get_event_loop()
    loop.run_until_complete(client.aclose())


def refresh_all(urls: list[str]) -> None:
    # Sync code with no Django: asyncio.run is fine here.
    for url in urls:
        asyncio.run(fetch(url))
