import logging
from typing import Any

logger = logging.getLogger(__name__)


class PublishLogger:
    """Writes one PublishLog row per publish (async callers only)."""

    @staticmethod
    async def create_log_async(message_id: str, channel: str, ack_timeout: int | None = None) -> Any | None:
        try:
            from asgiref.sync import sync_to_async
            from ..models import PublishLog

            log_entry = await sync_to_async(PublishLog.objects.create)(
                message_id=message_id,
                channel=channel,
                ack_timeout=ack_timeout,
                status=PublishLog.StatusChoices.PENDING,
            )
            return log_entry
        except Exception as e:
            logger.error("Failed to create publish log: %s", e)
            return None

    @staticmethod
    async def mark_success_async(log_entry: Any, duration_ms: int | None = None) -> None:
        if log_entry is None:
            return
        from asgiref.sync import sync_to_async
        from ..models import PublishLog

        await sync_to_async(PublishLog.objects.mark_success)(
            log_instance=log_entry,  # the row create_log_async() returned
            duration_ms=duration_ms,
        )

    @staticmethod
    async def mark_timeout_async(log_entry: Any, duration_ms: int | None = None) -> None:
        if log_entry is None:
            return
        from asgiref.sync import sync_to_async
        from ..models import PublishLog

        await sync_to_async(PublishLog.objects.mark_timeout)(log_instance=log_entry, duration_ms=duration_ms)
