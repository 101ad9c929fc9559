from django.db import models


class Warehouse(models.Model):
    name = models.CharField(max_length=64)
    item_count = models.IntegerField(default=0)


class Item(models.Model):
    warehouse = models.ForeignKey(Warehouse, on_delete=models.CASCADE)
