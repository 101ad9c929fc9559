"""Tasks."""
import asyncio
import logging

from celery import shared_task
from django.db import models

from .services import sync_remote

log = logging.getLogger(__name__)


@shared_task
def sync_batch(batch_id):
    asyncio.run(sync_remote(batch_id, # the id
        retries=3,
    ))


class Svc:
    def go(self, name):
        import asyncio
        return asyncio.run(self.client.repos[name].refresh())


async def bad():
    asyncio.run(x())
