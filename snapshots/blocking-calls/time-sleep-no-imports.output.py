"""A module with no imports but the one inside the function."""

import asyncio


async def tick():
    await asyncio.sleep(1)
