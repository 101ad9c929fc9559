from chat.models import Chat, ChatMessage, ChatMessageType


async def asave_message(chat: Chat, message: str, type_: ChatMessageType) -> ChatMessage:
    return await ChatMessage.objects.acreate(chat=chat, message_type=type_.value, content=message)
