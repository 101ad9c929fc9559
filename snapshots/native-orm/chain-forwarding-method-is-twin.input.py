from asgiref.sync import sync_to_async
from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=40)
    active = models.BooleanField(default=True)


class ItemService:
    """Creates items; the sync API stays for the admin and the management commands."""

    def create_item(self, name, *tags, **extra_fields):
        item = Item.objects.create(name=name, **extra_fields)
        Item.objects.filter(name=name).exclude(pk=item.pk).update(active=False)
        return item

    async def acreate_item(self, name, *tags, **extra_fields):
        return await sync_to_async(self.create_item)(name, *tags, **extra_fields)

    def import_rows(self, rows):
        return [self.create_item(row["name"]) for row in rows]
