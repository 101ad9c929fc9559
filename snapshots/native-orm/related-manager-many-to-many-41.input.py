from asgiref.sync import sync_to_async
from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Article(models.Model):
    tags = models.ManyToManyField(Tag)
    published = models.Manager()


async def tag_article(article_id, tag_ids):
    article = await Article.published.aget(pk=article_id)
    await sync_to_async(article.tags.clear)()
    await sync_to_async(article.tags.add)(*tag_ids)
    tag = await sync_to_async(article.tags.create)(name="new")
    article.tags.remove(tag)
    n = await sync_to_async(article.comment_set.count)()
    return n
