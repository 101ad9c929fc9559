import logging

from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import refresh


@shared_task
def sync_repo(repo):
    async_to_sync(refresh)(repo,
        force=True)


def sync_local(repo):
    from asgiref.sync import async_to_sync

    async_to_sync(refresh)(repo)
