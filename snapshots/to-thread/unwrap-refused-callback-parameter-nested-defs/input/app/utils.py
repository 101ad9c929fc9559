import asyncio


def asyncio_run(coro, **kwargs):
    """asyncio.run() with platform-specific initialization."""
    return asyncio.run(coro, **kwargs)
