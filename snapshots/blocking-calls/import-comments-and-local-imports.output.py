"""Polling helpers for the export worker."""
import asyncio
import logging

from exports.models import ExportJob

logger = logging.getLogger(__name__)


async def wait_for_export(job_id):
    while not await ExportJob.objects.filter(pk=job_id, done=True).aexists():
        await asyncio.sleep(2)  # poll every two seconds


async def wait_for_upload(job_id):
    logger.info("waiting for upload of %s", job_id)
    await asyncio.sleep(1)


async def wait_quietly(job_id):
    try:
        pass
    except ImportError:
        return
    await asyncio.sleep(0.5)
