import asyncio
import importlib
from typing import Any


async def run_action(module_path: str, function_name: str, args: dict[str, Any]) -> Any:
    # Import the module from tracecat_registry
    mod = importlib.import_module(module_path)
    fn = getattr(mod, function_name)

    # Use await for async, asyncio.to_thread for sync (doesn't block event loop)
    if asyncio.iscoroutinefunction(fn):
        return await fn(**args)
    else:
        return await asyncio.to_thread(fn, **args)
