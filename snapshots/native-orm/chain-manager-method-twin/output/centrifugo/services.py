from typing import Any

from asgiref.sync import sync_to_async

from .models import PublishLog


async def publish(channel: str, key: str):
    log_entry = await PublishLog.objects.acreate(key=key, status="pending")
    try:
        raise TimeoutError(channel)
    except TimeoutError as e:
        await PublishLog.objects.amark_failed(
            log_instance=log_entry,
            error_code=type(e).__name__,
        )


async def mark_failed_async(log_entry: Any, error_code: str):
    # `Any`: nothing proves what the caller hands over.
    await sync_to_async(PublishLog.objects.mark_failed)(log_instance=log_entry, error_code=error_code)


async def retry(key: str):
    log_entry = await PublishLog.objects.aget(key=key)
    return await sync_to_async(PublishLog.objects.mark_retried)(log_entry)


async def check(key: str):
    return await PublishLog.objects.aget_valid(key)
