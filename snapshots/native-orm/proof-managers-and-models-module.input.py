from asgiref.sync import sync_to_async
from django.db import models

from . import models as shop_models


class PublishedManager(models.Manager):
    pass


class Post(models.Model):
    published = PublishedManager()


async def counts():
    a = await sync_to_async(Post.published.count)()
    b = await sync_to_async(Post._default_manager.count)()
    c = await sync_to_async(shop_models.Order.objects.count)()
    # `drafts` is not a manager Post declares: not proven
    d = await sync_to_async(Post.drafts.count)()
    return a, b, c, d
