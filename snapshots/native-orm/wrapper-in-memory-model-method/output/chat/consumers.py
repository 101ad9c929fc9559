from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async

from chat.models import Chat


async def describe(chat_id: int) -> dict:
    chat = await Chat.objects.aget(pk=chat_id)
    return {
        "pro": chat.is_professional(),
        "has_user": chat.has_user(),
        # Reads a relation: the wrapper stays.
        "logged_in": await sync_to_async(chat.is_logged_in_user)(),
        # Calls str.strip(): not followed.
        "label": await sync_to_async(chat.label)(),
    }


async def describe_consumer(chat_id: int) -> bool:
    chat = await Chat.objects.aget(pk=chat_id)
    return await database_sync_to_async(chat.is_professional)()


async def describe_deferred(chat_id: int) -> bool:
    # kind is deferred: reading it is a query.
    chat = await Chat.objects.only("id").aget(pk=chat_id)
    return await sync_to_async(chat.is_professional)()


async def describe_given(chat: Chat) -> bool:
    # Loaded by the caller, out of sight: kind may be deferred there.
    return await sync_to_async(chat.is_professional)()


async def describe_recent(chat_id: int) -> bool:
    # A project's manager attribute may defer columns: not followed.
    chat = await Chat.recent.aget(pk=chat_id)
    return await sync_to_async(chat.is_professional)()
