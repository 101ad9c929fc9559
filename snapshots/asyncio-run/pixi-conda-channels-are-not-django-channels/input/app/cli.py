import asyncio


async def export_html(path):
    await asyncio.sleep(0)
    return f"<html>{path}</html>"


def export_callback(path):
    return asyncio.run(export_html(path))


def render(path):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(export_html(path))
    finally:
        loop.close()
