"""A service between a Celery task and a @sync_to_async wrapper whose ORM work is done by three
helpers in another module (catalog_rows), on rows read from a GraphQL JSON payload."""
import json

from asgiref.sync import async_to_sync, sync_to_async
from celery import shared_task

from .catalog_rows import save_events, save_product, save_stock


@sync_to_async
def _process_catalog_async(payload):
    products = [save_product(node) for node in payload["products"]["nodes"]]
    stocked = save_stock(payload)
    events = save_events(payload)
    return len(products), stocked, events


async def process_catalog(raw):
    payload = json.loads(raw)["data"]["catalog"]
    return await _process_catalog_async(payload)


@shared_task
def sync_catalog(raw):
    # The Celery task: sync, it runs the async service to the end.
    return async_to_sync(process_catalog)(raw)


@shared_task
def touch_product(node):
    # A sync caller of one helper: it keeps calling the sync helper after the migration.
    return save_product(node).pk
