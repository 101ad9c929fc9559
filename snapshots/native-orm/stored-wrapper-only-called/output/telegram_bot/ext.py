import asyncio

from asgiref.sync import sync_to_async
from telegram.ext import Application

from .models import BroadcastTask

bcast_count = sync_to_async(BroadcastTask.objects.count)  # module level: other modules may import it


async def db_broadcast_tasks(app: Application):
    """Sends every broadcast not sent yet, then logs it as sent."""
    bcast_filter = BroadcastTask.objects.filter
    bcast_create = BroadcastTask.objects.acreate
    async for task in bcast_filter(executed=False).order_by("created"):
        await app.bot.send_message(chat_id=app.bot_data["channel"], text=task.text)
        await bcast_create(text=f"sent: {task.text}", executed=True)


async def pending_tasks():
    bcast_filter = sync_to_async(BroadcastTask.objects.filter)
    return await bcast_filter(executed=False)  # awaited: the thread hands back the queryset


async def retry_failed(app: Application):
    bcast_get = sync_to_async(BroadcastTask.objects.get)
    await asyncio.gather(*(resend(app, bcast_get, pk) for pk in app.bot_data["failed"]))


async def resend(app, getter, pk):
    task = await getter(pk=pk)
    await app.bot.send_message(chat_id=app.bot_data["channel"], text=task.text)
