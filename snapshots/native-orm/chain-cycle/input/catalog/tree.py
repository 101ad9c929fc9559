from asgiref.sync import sync_to_async

from .models import Category


def _mark_tree(category: Category):
    category.visible = True
    category.save(update_fields=["visible"])
    _mark_children(category)


def _mark_children(category: Category):
    for child in Category.objects.filter(parent=category):
        _mark_tree(child)


@sync_to_async
def publish_category(pk):
    _mark_tree(Category.objects.get(pk=pk))
