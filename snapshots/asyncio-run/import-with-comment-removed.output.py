import logging

from asgiref.sync import async_to_sync
from celery import shared_task
from django.conf import settings

from billing.clients import push_invoice

logger = logging.getLogger(__name__)


@shared_task
def send_invoice(invoice_id):
    logger.info("pushing invoice %s to %s", invoice_id, settings.BILLING_URL)
    async_to_sync(push_invoice)(invoice_id)
