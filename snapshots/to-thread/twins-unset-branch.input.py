import asyncio

from shop.cache import fast_cache


class PriceService:
    def __init__(self, cache):
        self.cache = cache

    async def price(self, sku):
        if fast_cache:
            return await asyncio.to_thread(self.cache.get, sku)  # the twin is set here
        else:
            # Fallback for deployments without the async cache.
            return await asyncio.to_thread(self.cache.get, sku)

    async def stock(self, sku):
        if fast_cache is None:
            return await asyncio.to_thread(
                self.cache.get,
                f"stock:{sku}",
            )
        return await asyncio.to_thread(self.cache.get, f"stock:{sku}")

    async def label(self, sku):
        if not fast_cache:
            return await asyncio.to_thread(self.cache.get, f"label:{sku}")
        elif sku.startswith("ü"):
            return await asyncio.to_thread(self.cache.get, f"label:{sku}")
        return None

    async def early_return(self, sku):
        if fast_cache:
            return await fast_cache.get(sku)
        # Only reached without the twin.
        return await asyncio.to_thread(self.cache.get, sku)

    async def guarded(self, sku):
        if fast_cache is None:
            raise RuntimeError("configure FAST_CACHE")
        return await asyncio.to_thread(self.cache.get, sku)

    async def unclear(self, sku, fresh):
        if fast_cache and not fresh:
            return await asyncio.to_thread(self.cache.get, sku)
        return await asyncio.to_thread(self.cache.get, sku)

    async def inline(self, sku):
        return (
            await asyncio.to_thread(self.cache.get, sku) if fast_cache is None else None
        )

    async def unrelated(self, sku, fresh):
        if fresh:
            return await asyncio.to_thread(self.cache.get, sku)
        return None
