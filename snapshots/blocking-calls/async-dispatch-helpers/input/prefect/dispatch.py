import asyncio
import inspect
from functools import wraps
from typing import Any, Callable, Coroutine


def is_in_async_context() -> bool:
    try:
        asyncio.get_running_loop()
        return True
    except RuntimeError:
        return False


def async_dispatch(async_impl: Callable[..., Coroutine[Any, Any, Any]]):
    """Run the async implementation when called from async code, the sync one otherwise."""
    if not inspect.iscoroutinefunction(async_impl):
        raise TypeError("async_impl must be an async function")

    def decorator(sync_fn):
        @wraps(sync_fn)
        def wrapper(*args: Any, **kwargs: Any):
            _sync = kwargs.pop("_sync", None)
            should_run_sync = bool(_sync) if _sync is not None else not is_in_async_context()
            fn = sync_fn if should_run_sync else async_impl
            return fn(*args, **kwargs)

        return wrapper

    return decorator
