from asgiref.sync import sync_to_async
from django.db import models


class Order(models.Model):
    number = models.CharField(max_length=20)


class Line(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    sku = models.CharField(max_length=20)


class Tag(models.Model):
    orders = models.ManyToManyField("Order", related_name="tags")
    note = models.ForeignKey("shop.Order", on_delete=models.CASCADE, related_name="+")


@sync_to_async
def line_count(order: Order):
    return order.lines.count()


@sync_to_async
def first_tag(order: Order):
    return order.tags.filter(name__startswith="a").first()


async def add_tag(order: Order, tag: Tag):
    await sync_to_async(order.tags.add)(tag)


@sync_to_async
def lines_of(order: Order):
    # No model declares a relation named "entries" to Order: not a related manager.
    return order.entries.count()
