from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import fetch


@shared_task
def load(url):
    from asgiref.sync import async_to_sync

    return async_to_sync(fetch)(url)


@shared_task
def load_and_wait(url):
    import asyncio

    data = async_to_sync(fetch)(url)
    asyncio.sleep(0)
    return data


def load_many(url):
    import json
    from asgiref.sync import async_to_sync

    return json.dumps(async_to_sync(fetch)(url))
