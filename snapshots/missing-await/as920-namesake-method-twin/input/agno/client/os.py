import httpx


class AgentOSClient:
    def __init__(self, base_url: str):
        self.base_url = base_url

    def _get(self, endpoint, params=None, headers=None):
        return httpx.get(self.base_url + endpoint, params=params, headers=headers).json()

    async def _aget(self, endpoint, params=None, headers=None):
        async with httpx.AsyncClient() as c:
            return (await c.get(self.base_url + endpoint, params=params, headers=headers)).json()

    def get_workflow(self, workflow_id, version=None):
        return self._get(f"/workflows/{workflow_id}", params={"version": version}, headers=None)

    async def aget_workflow(self, workflow_id, version=None):
        return await self._aget(f"/workflows/{workflow_id}", params={"version": version}, headers=None)

    def close(self):
        self.base_url = ""
