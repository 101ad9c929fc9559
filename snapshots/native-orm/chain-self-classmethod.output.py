from asgiref.sync import sync_to_async
from django.db import models
from django.utils import timezone


class StatorModel(models.Model):
    state = models.CharField(max_length=20)
    state_changed = models.DateTimeField(null=True)

    class Meta:
        abstract = True

    def transition_perform(self, state):
        self.transition_perform_queryset(self.__class__.objects.filter(pk=self.pk), state)

    atransition_perform = sync_to_async(transition_perform)

    @classmethod
    def transition_perform_queryset(cls, queryset: models.QuerySet, state):
        queryset.update(state=state, state_changed=timezone.now())


class Post(StatorModel):
    title = models.CharField(max_length=20)


class PostArchiver:
    @classmethod
    async def _archive(cls, queryset: "models.QuerySet[Post]"):
        # One UPDATE, however many rows.
        return await queryset.aupdate(state="archived", state_changed=timezone.now())

    async def archive_stale(self, before):
        return await self._archive(Post.objects.filter(state_changed__lt=before))
