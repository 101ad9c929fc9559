from django.db import models

from catalog.bases import Illustrated, TreeNode


class Category(TreeNode, Illustrated):
    name = models.CharField(max_length=80)

    def __str__(self):
        return self.name
