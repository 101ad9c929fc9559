import asyncio

from .clients import fetch


async def refresh(a):
    value = asyncio.run(
        fetch(
            a,
            "ü",
        )
    )
    return value
