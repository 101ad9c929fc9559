from .models import Item, Warehouse


class Inventory:
    def __init__(self, warehouse_id):
        self.warehouse_id = warehouse_id

    def recount(self):
        total = Item.objects.filter(warehouse_id=self.warehouse_id).count()
        Warehouse.objects.filter(pk=self.warehouse_id).update(item_count=total)

    async def arecount(self):
        total = await Item.objects.filter(warehouse_id=self.warehouse_id).acount()
        await Warehouse.objects.filter(pk=self.warehouse_id).aupdate(item_count=total)

    async def _stamp(self):
        await Warehouse.objects.filter(pk=self.warehouse_id).aupdate(name="checked")

    async def refresh(self):
        await self.arecount()
        await self._stamp()
