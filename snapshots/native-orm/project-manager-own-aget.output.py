from asgiref.sync import sync_to_async
from django.db import models


class ChatManager(models.Manager):
    async def aget(self, **kwargs):
        # The project's own aget: None for a missing row, never DoesNotExist.
        try:
            return await super().aget(**kwargs)
        except self.model.DoesNotExist:
            return None


class Chat(models.Model):
    title = models.CharField(max_length=120)

    objects = ChatManager()


async def chat_or_404(pk):
    # Chat.objects.aget() is the project's method: it returns None where get() raises.
    return await sync_to_async(Chat.objects.get)(pk=pk)


async def chat_count():
    # count() has no project twin: Django's acount() is the same query.
    return await Chat.objects.acount()


async def chat_title(pk):
    chat = await Chat.objects.filter(pk=pk).aget()
    return chat.title


async def chat_direct(pk):
    # Written directly in async def: the same name would be taken.
    return Chat.objects.get(pk=pk)
