from django.db import models


class Illustrated(models.Model):
    # Only the label: the base never imports the model it points at.
    cover = models.ForeignKey("media.Picture", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True

    @property
    async def get_cover(self):
        if self.cover_id is not None and not type(self).cover.is_cached(self):
            self.cover = await type(self).cover.get_queryset(instance=self).aget(pk=self.cover_id)
        return self.cover


class TreeNode(models.Model):
    # "self" is each concrete subclass, not this abstract class (which has no manager).
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")

    class Meta:
        abstract = True

    @property
    async def get_parent(self):
        if self.parent_id is not None and not type(self).parent.is_cached(self):
            self.parent = await type(self).parent.get_queryset(instance=self).aget(pk=self.parent_id)
        return self.parent
