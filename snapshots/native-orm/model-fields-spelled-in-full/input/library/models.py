import django
from django.db.models import CASCADE, ForeignKey, TextField
from tree_queries.models import TreeNode


class Shelf(TreeNode):
    title = django.db.models.CharField(max_length=100)
    notes = TextField(blank=True)


class Book(TreeNode):
    shelf = ForeignKey(Shelf, on_delete=CASCADE)
    summary = TextField()
