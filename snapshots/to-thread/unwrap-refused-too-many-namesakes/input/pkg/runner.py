import asyncio
from typing import Any


async def run_step(step: Any, payload: dict) -> dict:
    # sync steps go to a worker thread
    return await asyncio.to_thread(step.run, payload)
