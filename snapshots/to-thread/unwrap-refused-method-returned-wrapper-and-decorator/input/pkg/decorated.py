import asyncio

from pkg.limits import RateLimiter, shared

local_limiter = RateLimiter(per_second=1)


class Crawler:
    @local_limiter.limit
    def page(self, url: str) -> str:
        return url

    @shared.limit
    def robots(self, url: str) -> str:
        return url + "/robots.txt"

    async def apage(self, url: str) -> str:
        return await asyncio.to_thread(self.page, url)

    async def arobots(self, url: str) -> str:
        return await asyncio.to_thread(self.robots, url)
