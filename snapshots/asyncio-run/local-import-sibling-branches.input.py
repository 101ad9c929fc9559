from celery import shared_task

from .clients import fetch_invoice, fetch_receipt


@shared_task
def sync_document(kind, number):
    if kind == "invoice":
        import asyncio

        return asyncio.run(fetch_invoice(number))
    else:
        import asyncio

        return asyncio.run(fetch_receipt(number))


@shared_task
def sync_with_fallback(number):
    try:
        import asyncio

        return asyncio.run(fetch_invoice(number))
    except ImportError:
        import asyncio as aio

        return aio.run(fetch_receipt(number))


@shared_task
def sync_one_branch(kind, number):
    if kind == "invoice":
        import asyncio

        return asyncio.run(fetch_invoice(number))
    import asyncio

    asyncio.get_event_loop()
    return asyncio.run(fetch_receipt(number))


@shared_task
def sync_with_loop(kind, number):
    if kind == "invoice":
        import asyncio

        return asyncio.run(fetch_invoice(number))
    import asyncio as aio

    aio.get_event_loop()
    return aio.run(fetch_receipt(number))


def sync_nested(number):
    import asyncio

    def receipt():
        return asyncio.run(fetch_receipt(number))

    return asyncio.run(fetch_invoice(number)), receipt()
