from asgiref.sync import sync_to_async

from .models import APIKey


async def key_status(request, pk: int):
    key = await APIKey.objects.aget(pk=pk)
    label = await sync_to_async(lambda: key.expiry_label)()
    days = await sync_to_async(lambda: key.days_left)()
    return {"label": label, "days": days}
