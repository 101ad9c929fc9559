from datetime import timedelta

from django.db import models
from django.utils import timezone


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts readers can see."""
        return self.filter(status="published", published_at__lte=timezone.now())

    def recent(self, days=7):
        cutoff = timezone.now() - timedelta(days=days)
        return self.published().filter(published_at__gte=cutoff)

    def for_author(self, author):
        return self.published().filter(author=author).order_by("-published_at")

    def for_team_of(self, user):
        # user.profile may load its row when this runs: not only a queryset being built.
        return self.filter(author__profile__team=user.profile.team)

    def stats(self):
        # Not a queryset: this runs the query when called.
        return self.aggregate(total=models.Count("id"))


class CommentManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().select_related("post")

    def visible(self):
        return self.get_queryset().exclude(hidden=True)

    def newest_for(self, post):
        return self.filter(post=post).order_by("-created").first()


class TagQuerySet(models.QuerySet):
    def popular(self):
        return self.annotate(uses=models.Count("posts")).filter(uses__gt=10)

    async def aget(self, **kwargs):
        # The project's own: None for a missing tag.
        try:
            return await super().aget(**kwargs)
        except self.model.DoesNotExist:
            return None


class Post(models.Model):
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20)
    author = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    published_at = models.DateTimeField(null=True)
    pinned = models.BooleanField(default=False)

    objects = PostQuerySet.as_manager()


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE)
    hidden = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = CommentManager()


class Tag(models.Model):
    name = models.CharField(max_length=40)
    posts = models.ManyToManyField(Post)

    objects = models.Manager.from_queryset(TagQuerySet)()
