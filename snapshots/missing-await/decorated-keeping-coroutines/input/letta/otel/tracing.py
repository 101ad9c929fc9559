import asyncio
import functools
import inspect


def trace_method(func):
    """Decorator that traces function execution with OpenTelemetry (sync or async)."""

    @functools.wraps(func)
    async def async_wrapper(*args, **kwargs):
        return await func(*args, **kwargs)

    @functools.wraps(func)
    def sync_wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return async_wrapper if inspect.iscoroutinefunction(func) else sync_wrapper


def run_blocking(func):
    """Runs a coroutine function to completion: its calls are plain calls."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return asyncio.run(func(*args, **kwargs))

    return wrapper
