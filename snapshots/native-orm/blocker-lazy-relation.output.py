from asgiref.sync import sync_to_async
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    shipping = models.OneToOneField("Address", null=True, on_delete=models.SET_NULL)


@sync_to_async
def customer_name(order_id):
    order = Order.objects.get(pk=order_id)
    return order.customer.name


async def customer_name_selected(order_id):
    order = await Order.objects.select_related("customer").aget(pk=order_id)
    return order.customer.name


async def shipping_label(order_id):
    order = await Order.objects.aget(pk=order_id)
    # Lazy load inside async def: SynchronousOnlyOperation at run time.
    return order.shipping.line1, order.customer_id
