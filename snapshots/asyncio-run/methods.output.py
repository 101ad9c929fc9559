from asgiref.sync import async_to_sync


class RepoSync:
    def __init__(self, client):
        self.client = client

    def refresh(self, name):
        return async_to_sync(self.client.repos[name].refresh)()

    @classmethod
    def refresh_all(cls, client):
        return async_to_sync(client.refresh_all)()

    @staticmethod
    def ping(client):
        async_to_sync(client.ping)()

    async def arefresh(self, name):
        return await self.client.repos[name].refresh()
