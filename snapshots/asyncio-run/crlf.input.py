import asyncio
import logging

from celery import shared_task

from .clients import refresh


@shared_task
def sync_repo(repo):
    asyncio.run(refresh(repo,
        force=True))


def sync_local(repo):
    import asyncio

    asyncio.run(refresh(repo))
