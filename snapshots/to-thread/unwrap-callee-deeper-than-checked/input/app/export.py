import asyncio

from app.layers.api import api_call


async def export(payload: dict) -> dict:
    return await asyncio.to_thread(api_call, payload)
