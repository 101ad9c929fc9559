from django.db import models


class Chat(models.Model):
    name = models.CharField(max_length=100)


def get_chat_session(chat_id):
    """The chat, or Chat.DoesNotExist (the consumer answers 404)."""
    return Chat.objects.get(id=chat_id)


async def aget_chat_session(chat_id):
    """The chat, or Chat.DoesNotExist (the consumer answers 404)."""
    return await Chat.objects.aget(id=chat_id)
