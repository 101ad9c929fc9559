import asyncio


async def handler(sku):
    asyncio.run(fetch_price(sku))


async def fetch_price(sku):
    return sku
