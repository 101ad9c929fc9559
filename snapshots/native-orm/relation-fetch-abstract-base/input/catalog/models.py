from django.db import models

from catalog.bases import Branded, Illustrated, TreeNode
from media.models import Vendor


class Category(TreeNode, Illustrated):
    name = models.CharField(max_length=80)

    def __str__(self):
        return self.name


class Product(Branded):
    # The subclass's own target: the inherited property must fetch a Vendor.
    brand = models.ForeignKey(Vendor, null=True, on_delete=models.SET_NULL, related_name="+")
