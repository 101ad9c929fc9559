from asgiref.sync import sync_to_async

from .models import Item, Warehouse


class Inventory:
    def __init__(self, warehouse_id):
        self.warehouse_id = warehouse_id

    def recount(self):
        total = Item.objects.filter(warehouse_id=self.warehouse_id).count()
        Warehouse.objects.filter(pk=self.warehouse_id).update(item_count=total)

    def _stamp(self):
        Warehouse.objects.filter(pk=self.warehouse_id).update(name="checked")

    @sync_to_async
    def refresh(self):
        self.recount()
        self._stamp()
