import asyncio

from .clients import client


def sync_repo(repo):
    asyncio.run(client.fetch
    (repo))


def sync_repo_commented(repo):
    asyncio.run(client.fetch  # the mirror
        (repo))


def sync_repo_split_callee(repo):
    asyncio.run(client
                .fetch(repo))


async def in_async(repo):
    asyncio.run(client.fetch
    (repo))


async def in_async_split_callee(repo):
    asyncio.run(client
                .fetch(repo))


async def in_async_multiline_arguments(repo):
    asyncio.run(client.fetch(
        repo,
    ))
