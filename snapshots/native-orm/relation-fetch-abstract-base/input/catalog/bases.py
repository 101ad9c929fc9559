from asgiref.sync import sync_to_async
from django.db import models

from media.models import Brand


class Illustrated(models.Model):
    # Only the label: the base never imports the model it points at.
    cover = models.ForeignKey("media.Picture", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True

    @property
    @sync_to_async
    def get_cover(self):
        return self.cover


class TreeNode(models.Model):
    # "self" is each concrete subclass, not this abstract class (which has no manager).
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")

    class Meta:
        abstract = True

    @property
    @sync_to_async
    def get_parent(self):
        return self.parent


class Branded(models.Model):
    # Bound here, but a concrete subclass may point the field at another model (Django >= 1.10).
    brand = models.ForeignKey(Brand, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True

    @property
    @sync_to_async
    def get_brand(self):
        return self.brand
