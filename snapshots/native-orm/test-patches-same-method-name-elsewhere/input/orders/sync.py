from asgiref.sync import sync_to_async

from . import cache, repository


@sync_to_async
def load_order(number):
    return repository.get(number)


async def order_status(number):
    cached = cache.get(number)
    if cached is not None:
        return cached
    return (await load_order(number)).status
