from . import cache, repository


async def load_order(number):
    return await repository.aget(number)


async def order_status(number):
    cached = cache.get(number)
    if cached is not None:
        return cached
    return (await load_order(number)).status
