from django.db import models


class Tag(models.Model):
    name = models.CharField(max_length=50)


class Article(models.Model):
    tags = models.ManyToManyField(Tag)
    published = models.Manager()


async def tag_article(article_id, tag_ids):
    article = await Article.published.aget(pk=article_id)
    await article.tags.aclear()
    await article.tags.aadd(*tag_ids)
    tag = await article.tags.acreate(name="new")
    await article.tags.aremove(tag)
    n = await article.comment_set.acount()
    return n
