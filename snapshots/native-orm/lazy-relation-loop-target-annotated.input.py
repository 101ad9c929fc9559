from asgiref.sync import sync_to_async
from django.db import models


class Client(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE)


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    price = models.DecimalField(max_digits=9, decimal_places=2)


@sync_to_async
def order_prices(order: Order) -> list[dict]:
    details = []
    for order_item in OrderItem.objects.filter(order=order):
        # A bare annotation for the editor: it binds nothing, the loop does.
        order_item: OrderItem
        details.append({"price": order_item.price, "order": order_item.order_id})
    return details


@sync_to_async
def order_clients(order: Order) -> list[str]:
    names = []
    for order_item in OrderItem.objects.filter(order=order):
        order_item: OrderItem
        names.append(order_item.order.client.name)
    return names
