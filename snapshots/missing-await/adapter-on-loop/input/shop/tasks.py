from celery import shared_task

from .integrations.rates import nightly_refresh


@shared_task
def refresh_nightly():
    nightly_refresh()
