from asgiref.sync import sync_to_async

from chat.models import Chat, ChatMessage, ChatMessageType


async def asave_message(chat: Chat, message: str, type_: ChatMessageType) -> ChatMessage:
    # A TextChoices member: `.value` and `.label` are plain values, no relation.
    return await ChatMessage.objects.acreate(chat=chat, message_type=type_.value, content=message)


async def describe(type_: ChatMessageType, chat_id: int) -> str:
    chat = await sync_to_async(Chat.objects.get)(pk=chat_id)
    return f"{chat.name}: {type_.label}"
