import uuid

from django.http import JsonResponse
from django.views import View


class PublishView(View):
    async def post(self, request):
        from ..services.logging import PublishLogger

        message_id = str(uuid.uuid4())
        log_entry = await PublishLogger.create_log_async(message_id, "notifications")
        try:
            raise ConnectionError("wrapper unreachable")
        except Exception as e:
            if log_entry:
                from asgiref.sync import sync_to_async
                from ..models import PublishLog

                await sync_to_async(PublishLog.objects.mark_failed)(
                    log_instance=log_entry,
                    error_code=type(e).__name__,
                    error_message=str(e),
                )
        await PublishLogger.mark_success_async(log_entry)
        return JsonResponse({"message_id": message_id})
