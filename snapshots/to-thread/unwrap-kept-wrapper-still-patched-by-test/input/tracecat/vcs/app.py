import asyncio
import json

from github import GithubIntegration


class GitHubService:
    def __init__(self, auth) -> None:
        self._auth = auth

    async def get_installation(self, owner: str, repo: str):
        gh_integration = GithubIntegration(auth=self._auth)
        # kept in the safe run: a library call on a value the check cannot read
        return await asyncio.to_thread(gh_integration.get_repo_installation, owner=owner, repo=repo)

    async def dump(self, data: dict) -> str:
        return await asyncio.to_thread(json.dumps, data)
