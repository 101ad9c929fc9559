import asyncio

from asgiref.sync import async_to_sync

from .clients import client


def sync_repo(repo):
    asyncio.run(client.fetch
    (repo))


def sync_repo_commented(repo):
    asyncio.run(client.fetch  # the mirror
        (repo))


def sync_repo_split_callee(repo):
    async_to_sync(client
                .fetch)(repo)


async def in_async(repo):
    asyncio.run(client.fetch
    (repo))


async def in_async_split_callee(repo):
    asyncio.run(client
                .fetch(repo))


async def in_async_multiline_arguments(repo):
    await client.fetch(
        repo,
    )
