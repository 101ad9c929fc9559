import asyncio
from typing import Any

from tracecat.registry.bound import BoundRegistryAction


async def _run_action_direct(*, action: BoundRegistryAction, args: dict[str, Any]) -> Any:
    if action.is_async:
        return await action.fn(**args)
    return await asyncio.to_thread(action.fn, **args)
