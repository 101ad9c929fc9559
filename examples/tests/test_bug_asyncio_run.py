"""The bug asyncio-run fixes, reproduced on a real Django.

`asyncio.run()` called from sync code starts an event loop with no `async_to_sync` above it, so
`sync_to_async(thread_sensitive=True)` cannot find the caller's thread: it runs the database work
on asgiref's own single thread, on that thread's connection. That connection is in autocommit:
the write is committed at once, outside the caller's `transaction.atomic()`, and survives its
rollback. `async_to_sync(fn)(args)` runs the same work on the caller's thread and connection,
inside the transaction.

`shop.tasks.cancel_order` is the example project's task with this bug; asyncshift rewrites it.
Its test asserts the bug before the migration and the fix after it, and records what it measured
for scripts/test-django.mjs. The control test shows both behaviours side by side in one run, on
code asyncshift leaves alone (test files own their event loop).
"""
import asyncio
import threading

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.db import connections, transaction
from django.db.models.signals import post_save

from shop import tasks
from shop.models import AuditEvent, Order
from shop.services import audit

from .proof import BEFORE, PHASE, proof_report


class Rollback(Exception):
    pass


def watch_audit_writes():
    """Where each AuditEvent is saved: thread, connection, inside an atomic block or not."""
    seen = []

    def on_save(sender, instance, created, **kwargs):
        connection = connections["default"]
        seen.append(
            {
                "caller_thread": threading.get_ident() == caller,
                "in_atomic_block": connection.in_atomic_block,
            }
        )

    caller = threading.get_ident()
    post_save.connect(on_save, sender=AuditEvent, weak=False, dispatch_uid="proof")
    return seen


def stop_watching():
    post_save.disconnect(sender=AuditEvent, dispatch_uid="proof")
    # Close the connection asgiref's single thread opened, if it did.
    asyncio.run(sync_to_async(connections.close_all)())


def measure(run, order_id):
    seen = watch_audit_writes()
    try:
        with pytest.raises((Rollback, tasks.RefundRefused)):
            run(order_id)
    finally:
        stop_watching()
    [write] = seen
    return {
        "write_on_caller_thread": write["caller_thread"],
        "write_inside_callers_atomic": write["in_atomic_block"],
        "write_survived_rollback": AuditEvent.objects.filter(order_id=order_id).exists(),
        "caller_change_rolled_back": Order.objects.get(pk=order_id).status == "new",
    }


MISBEHAVES = {
    "write_on_caller_thread": False,
    "write_inside_callers_atomic": False,
    "write_survived_rollback": True,
    "caller_change_rolled_back": True,
}
CORRECT = {
    "write_on_caller_thread": True,
    "write_inside_callers_atomic": True,
    "write_survived_rollback": False,
    "caller_change_rolled_back": True,
}


@pytest.mark.django_db(transaction=True)
def test_cancel_order_task_audit_write_and_the_callers_transaction(order, warehouse):
    warehouse.refund = False  # the refund is refused: the task's transaction rolls back
    measured = measure(lambda pk: tasks.cancel_order.delay(pk), order.pk)
    proof_report(f"task_{PHASE}", measured)
    assert measured == (MISBEHAVES if BEFORE else CORRECT)


def cancel_with_asyncio_run(order_id):
    with transaction.atomic():
        asyncio.run(audit.record(order_id, "cancel-requested"))
        Order.objects.filter(pk=order_id).update(status="cancelled")
        raise Rollback


def cancel_with_async_to_sync(order_id):
    with transaction.atomic():
        async_to_sync(audit.record)(order_id, "cancel-requested")
        Order.objects.filter(pk=order_id).update(status="cancelled")
        raise Rollback


@pytest.mark.django_db(transaction=True)
def test_control_asyncio_run_against_async_to_sync(order):
    with_asyncio_run = measure(cancel_with_asyncio_run, order.pk)
    AuditEvent.objects.all().delete()
    with_async_to_sync = measure(cancel_with_async_to_sync, order.pk)
    proof_report(
        f"control_{PHASE}",
        {"asyncio_run": with_asyncio_run, "async_to_sync": with_async_to_sync},
    )
    assert with_asyncio_run == MISBEHAVES
    assert with_async_to_sync == CORRECT
