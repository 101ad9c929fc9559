from asgiref.sync import sync_to_async
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    total = models.DecimalField(max_digits=9, decimal_places=2)


async def invoice_header(order_id):
    order = await Order.objects.aget(pk=order_id)
    # The thread loads the customer once; the instance caches it for the reads below.
    if order.customer_id is not None and not Order.customer.is_cached(order):
        order.customer = await Customer._base_manager.aget(pk=order.customer_id)
    return f"{order.customer.name}: {order.total}"


async def invoice_footer(order_id):
    order = await Order.objects.aget(pk=order_id)
    await sync_to_async(getattr)(order, "customer")
    return order.customer.name


async def invoice_reloaded(order_id, fresh):
    order = await Order.objects.aget(pk=order_id)
    if order.customer_id is not None and not Order.customer.is_cached(order):
        order.customer = await Customer._base_manager.aget(pk=order.customer_id)
    if fresh:
        order = await Order.objects.aget(pk=order_id)
    # Bound again on one path: the new instance has an empty cache.
    return order.customer.name


async def invoice_branch(order_id, with_customer):
    order = await Order.objects.aget(pk=order_id)
    if with_customer:
        if order.customer_id is not None and not Order.customer.is_cached(order):
            order.customer = await Customer._base_manager.aget(pk=order.customer_id)
    # Loaded on one path only.
    return order.customer.name
