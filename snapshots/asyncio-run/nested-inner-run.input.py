import asyncio

from celery import shared_task

from .clients import fetch_all


@shared_task
def sync_stock(product_ids):
    async def _run():
        results = []
        for pid in product_ids:
            results.append(await fetch_all(pid))
        return results

    return asyncio.run(_run())


def outer():
    def inner(url):
        return asyncio.run(fetch_all(url))

    return inner
