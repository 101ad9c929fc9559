import asyncio


class RepoSync:
    def __init__(self, client):
        self.client = client

    def refresh(self, name):
        return asyncio.run(self.client.repos[name].refresh())

    @classmethod
    def refresh_all(cls, client):
        return asyncio.run(client.refresh_all())

    @staticmethod
    def ping(client):
        asyncio.run(client.ping())

    async def arefresh(self, name):
        return await self.client.repos[name].refresh()
