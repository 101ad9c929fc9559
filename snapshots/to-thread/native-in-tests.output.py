import asyncio


async def test_poll_waits():
    # Native mode still rewrites in tests: asyncio.sleep is right there too.
    await asyncio.sleep(0.1)
