import asyncio
from typing import Any


async def arun_rollouts(env: Any, k: int = 1) -> list:
    await asyncio.sleep(0)
    return [env] * k


def run_rollouts(env: Any, k: int = 1) -> list:
    """Sync door over arun_rollouts (asyncio.run)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        raise RuntimeError(
            "run_rollouts cannot be called from a running event loop; await arun_rollouts instead"
        )
    return asyncio.run(arun_rollouts(env, k=k))


def run_rollouts_unguarded(env: Any) -> list:
    # No guard: on a loop, asyncio.run raises.
    return asyncio.run(arun_rollouts(env))
