import asyncio
import json


def _render(events):
    return [json.dumps(e, sort_keys=True) for e in events]


class FileEventService:
    async def search_events(self, page):
        loop = asyncio.get_running_loop()
        page_events = await loop.run_in_executor(None, _render, page)
        return page_events

    async def two_pages(self, first, second):
        loop = asyncio.get_event_loop()  # the running loop, inside async def
        rendered = await loop.run_in_executor(None, _render, first)
        rendered += await loop.run_in_executor(None, _render, second)
        return rendered

    async def render_then_notify(self, page, callback):
        loop = asyncio.get_running_loop()
        events = await loop.run_in_executor(None, _render, page)
        loop.call_soon(callback)  # still the loop's: kept
        return events
