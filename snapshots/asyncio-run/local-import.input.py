from celery import shared_task

from .clients import fetch


@shared_task
def load(url):
    import asyncio

    return asyncio.run(fetch(url))


@shared_task
def load_and_wait(url):
    import asyncio

    data = asyncio.run(fetch(url))
    asyncio.sleep(0)
    return data


def load_many(url):
    import asyncio, json

    return json.dumps(asyncio.run(fetch(url)))
