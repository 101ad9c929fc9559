from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import fetch_all


@shared_task
def sync_stock(product_ids):
    async def _run():
        results = []
        for pid in product_ids:
            results.append(await fetch_all(pid))
        return results

    return async_to_sync(_run)()


def outer():
    def inner(url):
        return async_to_sync(fetch_all)(url)

    return inner
