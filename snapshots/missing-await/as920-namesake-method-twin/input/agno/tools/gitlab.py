import httpx


class GitlabTools:
    def __init__(self, url: str, token: str | None = None):
        self.url = url
        self.token = token

    async def _aget(self, endpoint, params=None):
        headers = {"PRIVATE-TOKEN": self.token} if self.token else None
        async with httpx.AsyncClient() as c:
            return (await c.get(self.url + endpoint, params=params, headers=headers)).json()

    async def list_projects(self):
        return await self._aget("/projects")

    def close(self):
        self.url = ""
