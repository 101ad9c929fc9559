from typing import Any

from asgiref.sync import sync_to_async

from ..models import PublishLog


class PublishLogger:
    @staticmethod
    async def create_log_async(message_id: str, channel: str) -> Any:
        return await PublishLog.objects.acreate(message_id=message_id, channel=channel, status="pending")

    @staticmethod
    async def mark_success_async(log_entry: Any) -> None:
        await sync_to_async(PublishLog.objects.mark_success)(log_instance=log_entry)

    @staticmethod
    async def mark_timeout_async(log_entry: Any) -> None:
        await sync_to_async(PublishLog.objects.mark_timeout)(log_instance=log_entry)

    @staticmethod
    async def mark_failed_async(log_entry: Any, error_code: str) -> None:
        await sync_to_async(PublishLog.objects.mark_failed)(log_instance=log_entry, error_code=error_code)

    @staticmethod
    async def mark_user_failed_async(log_entry: Any) -> None:
        await sync_to_async(PublishLog.objects.mark_user_failed)(log_entry)
