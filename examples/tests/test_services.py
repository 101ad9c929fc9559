"""Services called from async code, awaited the way a sync caller awaits them."""
from shop.models import AuditEvent
from shop.services import async_redis_manager, audit, client, redis_manager

from .proof import run_async


def test_audit_record_writes_an_event(order):
    pk = run_async(audit.record, order.pk, "viewed")
    assert AuditEvent.objects.get(pk=pk).kind == "viewed"


def test_redis_managers_share_task_status(redis_store):
    redis_manager.set_task_status("a", {"state": "done"})
    assert run_async(async_redis_manager.get_task_status, "a") == {"state": "done"}
    run_async(async_redis_manager.set_task_status, "b", {"state": "pending"})
    assert redis_manager.get_task_status("b") == {"state": "pending"}
    assert redis_manager.get_task_status("missing") is None


def test_client_round_trip(warehouse):
    warehouse.prices.update({"A": "1.00", "B": "2.00"})
    assert run_async(client.refresh_prices, ["A", "B"]) == {"A": "1.00", "B": "2.00"}
    assert run_async(client.push_order, 5, priority=True) == "EXP-5-P"
