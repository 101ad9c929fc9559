"""Do not call asyncio.run(fetch(url)) from a Celery task."""
import asyncio

from .clients import fetch

HELP = "use asyncio.run(main()) only in scripts"


def load(url):
    # asyncio.run(fetch(url)) used to be here
    return f"{url}: asyncio.run(x())"


async def wait():
    await asyncio.sleep(0)
