"""Tasks."""
import asyncio
import logging

from asgiref.sync import async_to_sync
from celery import shared_task
from django.db import models

from .services import sync_remote

log = logging.getLogger(__name__)


@shared_task
def sync_batch(batch_id):
    async_to_sync(sync_remote)(batch_id, # the id
        retries=3,
    )


class Svc:
    def go(self, name):
        from asgiref.sync import async_to_sync
        return async_to_sync(self.client.repos[name].refresh)()


async def bad():
    asyncio.run(x())
