from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import fetch_invoice, fetch_receipt


@shared_task
def sync_document(kind, number):
    if kind == "invoice":
        from asgiref.sync import async_to_sync

        return async_to_sync(fetch_invoice)(number)
    else:
        from asgiref.sync import async_to_sync

        return async_to_sync(fetch_receipt)(number)


@shared_task
def sync_with_fallback(number):
    try:
        from asgiref.sync import async_to_sync

        return async_to_sync(fetch_invoice)(number)
    except ImportError:
        from asgiref.sync import async_to_sync

        return async_to_sync(fetch_receipt)(number)


@shared_task
def sync_one_branch(kind, number):
    if kind == "invoice":
        import asyncio

        return async_to_sync(fetch_invoice)(number)
    import asyncio

    asyncio.get_event_loop()
    return async_to_sync(fetch_receipt)(number)


@shared_task
def sync_with_loop(kind, number):
    if kind == "invoice":
        return async_to_sync(fetch_invoice)(number)
    import asyncio as aio

    aio.get_event_loop()
    return async_to_sync(fetch_receipt)(number)


def sync_nested(number):
    from asgiref.sync import async_to_sync

    def receipt():
        return async_to_sync(fetch_receipt)(number)

    return async_to_sync(fetch_invoice)(number), receipt()
