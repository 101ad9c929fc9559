import asyncio

from asgiref.sync import async_to_sync


async def pull_orders(shop):
    ...


async def sync_orders(shop):
    async_to_sync(pull_orders)(shop)
    runner = async_to_sync(pull_orders)
    await asyncio.to_thread(lambda: async_to_sync(pull_orders)(shop))

    def in_thread():
        async_to_sync(pull_orders)(shop)

    await asyncio.to_thread(in_thread)
    return runner


def sync_entry(shop):
    async_to_sync(pull_orders)(shop)
