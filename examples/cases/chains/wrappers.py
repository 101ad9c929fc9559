"""@sync_to_async wrappers whose ORM work is in project helpers (another module): the chain."""
from asgiref.sync import sync_to_async

from . import helpers
from .helpers import log_event


@sync_to_async
def reserve_many(product_id, count):
    left = None
    for _ in range(count):
        left = helpers.reserve_one(product_id)
    return left


@sync_to_async
def cancel_open_orders(customer_id):
    cancelled = []
    for order in helpers.open_orders(customer_id):
        order.status = "cancelled"
        order.save(update_fields=["status"])
        log_event(order.pk, "cancelled")
        cancelled.append(order.pk)
    return cancelled


async def reserve_api_like(product_id):
    # Wrapping a helper at the call site.
    return await sync_to_async(helpers.reserve_one)(product_id)
