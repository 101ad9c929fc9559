import asyncio
import functools


def sync_to_async(func):
    """Our own: runs func in the default executor, outside Django's thread (metrics added by the caller)."""

    @functools.wraps(func)
    async def run(*args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, functools.partial(func, *args, **kwargs))

    return run
