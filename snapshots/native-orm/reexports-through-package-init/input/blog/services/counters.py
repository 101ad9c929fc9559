from django.db.models import F

from blog.models import Post


def bump_views(pk):
    Post.objects.filter(pk=pk).update(views=F("views") + 1)
