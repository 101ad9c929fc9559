import asyncio

from shop import api
from shop.api import list_products
from shop.store import Store

store = Store()


async def via_package_attribute(tenant: str) -> list[str]:
    return await asyncio.to_thread(api.list_products, tenant)


async def via_reexported_name(tenant: str) -> list[str]:
    return await asyncio.to_thread(list_products, tenant)


async def add_row(row: str) -> None:
    await asyncio.to_thread(store.add, row)


class Handler:
    def __init__(self) -> None:
        self.store = Store()

    async def post(self, row: str) -> None:
        await asyncio.to_thread(self.store.add, row)


async def via_alias(tenant: str) -> list[str]:
    return await asyncio.to_thread(api.list_skus, tenant)
