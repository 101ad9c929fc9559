from ..models import PublishLog
from .logging import PublishLogger

# Handed on as a value: a caller out of sight may pass anything.
ON_ERROR = [PublishLogger.mark_failed_async]


async def on_ack(payload: dict):
    # A payload's value: nothing proves it is a row.
    await PublishLogger.mark_success_async(payload["log"])


async def on_timeout(message_id: str):
    # only() defers every other column: reading ack_timeout would be a query.
    entry = await PublishLog.objects.only("id", "status").aget(message_id=message_id)
    await PublishLogger.mark_timeout_async(entry)


async def on_user_error(message_id: str):
    entry = await PublishLogger.create_log_async(message_id, "users")
    await PublishLogger.mark_user_failed_async(entry)
