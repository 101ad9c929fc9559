"""The audit trail, written from async code (shared by the async views and the tasks)."""
from asgiref.sync import sync_to_async

from shop.models import AuditEvent


async def record(order_id, kind):
    # thread_sensitive=True (the default, said here): the write runs in the thread that owns the
    # caller's database connection, when there is one above us (async_to_sync, a request).
    event = await sync_to_async(AuditEvent.objects.create, thread_sensitive=True)(
        order_id=order_id, kind=kind
    )
    return event.pk
