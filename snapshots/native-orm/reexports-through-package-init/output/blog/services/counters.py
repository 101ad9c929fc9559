from django.db.models import F

from blog.models import Post


def bump_views(pk):
    Post.objects.filter(pk=pk).update(views=F("views") + 1)


async def abump_views(pk):
    await Post.objects.filter(pk=pk).aupdate(views=F("views") + 1)
