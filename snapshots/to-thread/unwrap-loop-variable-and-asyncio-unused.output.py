import json


def _render(events):
    return [json.dumps(e, sort_keys=True) for e in events]


async def search_events(page):
    return _render(page)
