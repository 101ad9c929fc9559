from django.db import models

from media.models import Brand


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


class Branded(models.Model):
    # Bound here, but a concrete subclass may point the field at another model (Django >= 1.10).
    brand = models.ForeignKey(Brand, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True

    @property
    async def get_brand(self):
        if self.brand_id is not None and not type(self).brand.is_cached(self):
            self.brand = await type(self).brand.get_queryset(instance=self).aget(pk=self.brand_id)
        return self.brand
