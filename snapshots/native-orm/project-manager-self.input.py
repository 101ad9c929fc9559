from datetime import date

from asgiref.sync import sync_to_async
from django.db import models


class BlendManager(models.Manager):
    @sync_to_async
    def get_blends_by_group_id(self, group_id: int) -> list["Blend"]:
        return list(self.filter(group_id=group_id).all())

    @sync_to_async()
    def get_latest_blend(self, group_id):
        return self.filter(group_id=group_id).order_by("created_at").first()

    @sync_to_async()
    def get_blend_count_by_user(self, start, end, user):
        return self.filter(created_at__gte=start, created_at__lte=end, user=user).count()

    @sync_to_async()
    def get_today_count(self):
        # len() of a queryset evaluates it: no native form, kept
        return len(self.filter(created_at__contains=date.today()).all())

    @sync_to_async
    def create_blend(self, **fields):
        # create() is overridden below: Manager.acreate would skip it
        return self.create(**fields)

    def create(self, **fields):
        fields.setdefault("group_id", 0)
        return super().create(**fields)

    @sync_to_async
    def author_name(self, pk):
        # The user is a ForeignKey not loaded with select_related: a lazy read
        return self.get(pk=pk).user.username


class Blend(models.Model):
    group_id = models.IntegerField()
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlendManager()
