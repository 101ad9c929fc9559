import asyncio
import json


def _render(events):
    return [json.dumps(e, sort_keys=True) for e in events]


class FileEventService:
    async def search_events(self, page):
        page_events = _render(page)
        return page_events

    async def two_pages(self, first, second):
        rendered = _render(first)
        rendered += _render(second)
        return rendered

    async def render_then_notify(self, page, callback):
        loop = asyncio.get_running_loop()
        events = _render(page)
        loop.call_soon(callback)  # still the loop's: kept
        return events
