import asyncio

import httpx
from asgiref.sync import async_to_sync


async def pull_rates(currency):
    async with httpx.AsyncClient() as client:
        return (await client.get(f"https://rates.example/{currency}")).json()


def refresh_rates(currency="EUR"):
    # Called from async views (see views.py): asyncio.run raises there, and so would
    # async_to_sync, so it must not be rewritten.
    return asyncio.run(pull_rates(currency))


def nightly_refresh():
    # Only a Celery beat task calls this one: rewritten.
    return async_to_sync(pull_rates)("USD")


class SyncBridge:
    """Runs coroutines for the sync parts of the shop."""

    def run_async(self, coro):
        return asyncio.run(coro)


class ReportBuilder:
    def run_async(self, job):
        # Same method name, no loop started: it must not hide SyncBridge.run_async.
        return job.start()
