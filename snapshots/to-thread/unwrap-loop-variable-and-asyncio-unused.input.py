import asyncio
import json


def _render(events):
    return [json.dumps(e, sort_keys=True) for e in events]


async def search_events(page):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, _render, page)
