import asyncio

from asgiref.sync import async_to_sync

from .clients import refresh


def sync_repo(repo):
    asyncio.run(  # refresh the mirror
        refresh(repo)
    )


def sync_repo_quietly(repo):
    async_to_sync(refresh)(repo)
