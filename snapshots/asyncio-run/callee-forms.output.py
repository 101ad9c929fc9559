from asgiref.sync import async_to_sync

from .clients import fetch


class Syncer:
    def one(self, url):
        return async_to_sync(fetch)(url)

    def two(self, url):
        return async_to_sync(self.client.fetch)(url, timeout=5)

    def three(self, name):
        return async_to_sync(client.repos[name].refresh)()

    def four(self, items):
        async_to_sync(fetch)(
            items[0],  # the first
            items[1],
        )

    def five(self):
        return async_to_sync(factory())(1)
