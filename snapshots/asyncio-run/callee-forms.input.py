import asyncio

from .clients import fetch


class Syncer:
    def one(self, url):
        return asyncio.run(fetch(url))

    def two(self, url):
        return asyncio.run(self.client.fetch(url, timeout=5))

    def three(self, name):
        return asyncio.run(client.repos[name].refresh())

    def four(self, items):
        asyncio.run(
            fetch(
                items[0],  # the first
                items[1],
            )
        )

    def five(self):
        return asyncio.run(factory()(1))
