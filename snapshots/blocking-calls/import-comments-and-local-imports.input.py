"""Polling helpers for the export worker."""
import logging
import time  # backoff between polls

from exports.models import ExportJob

logger = logging.getLogger(__name__)


async def wait_for_export(job_id):
    while not await ExportJob.objects.filter(pk=job_id, done=True).aexists():
        time.sleep(2)  # poll every two seconds


async def wait_for_upload(job_id):
    import time as clock  # local: only this poller sleeps

    logger.info("waiting for upload of %s", job_id)
    clock.sleep(1)


async def wait_quietly(job_id):
    try:
        import time  # the vendored build may lack it
    except ImportError:
        return
    time.sleep(0.5)
