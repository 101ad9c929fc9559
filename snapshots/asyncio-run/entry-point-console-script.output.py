"""Command line of the shop: `shop-sync` in pyproject.toml's [project.scripts]."""
import asyncio
import signal

from asgiref.sync import async_to_sync

from shop.sync import sync_all


def main():
    # The console script owns the process: asyncio.run is right here, and signal handlers
    # only work on the main thread.
    signal.signal(signal.SIGTERM, lambda *_: None)
    asyncio.run(sync_all(batch=500))


def helper():
    async_to_sync(sync_all)(batch=1)
