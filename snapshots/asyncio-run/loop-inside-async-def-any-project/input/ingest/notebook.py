import asyncio

import nest_asyncio

from .feeds import fetch

nest_asyncio.apply()


async def preview(url: str) -> bytes:
    # nest_asyncio lets a loop start inside a running one.
    return asyncio.run(fetch(url))
