import asyncio

from pkg.client import Model, limited_call
from pkg.limits import RateLimiter


async def generate(model: Model, prompt: str) -> str:
    return await asyncio.to_thread(model.generate, prompt)


async def generate_free(model: Model, prompt: str) -> str:
    return await asyncio.to_thread(model.generate_free, prompt)


async def limited(x: int) -> int:
    return await asyncio.to_thread(limited_call, RateLimiter(1.0), x)
