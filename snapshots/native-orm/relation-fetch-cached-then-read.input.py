from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    customer = models.ForeignKey(Customer, null=True, on_delete=models.SET_NULL)
    total = models.DecimalField(max_digits=9, decimal_places=2)


async def invoice_header(order_id):
    order = await Order.objects.aget(pk=order_id)
    # Fetched natively and cached on the instance, as the descriptor would: the reads below are plain.
    if order.customer_id is not None and not Order.customer.is_cached(order):
        order.customer = await Customer._base_manager.aget(pk=order.customer_id)
    return f"{order.customer.name if order.customer else '-'}: {order.total}"


async def invoice_reloaded(order_id, fresh):
    order = await Order.objects.aget(pk=order_id)
    if order.customer_id is not None and not Order.customer.is_cached(order):
        order.customer = await Customer._base_manager.aget(pk=order.customer_id)
    if fresh:
        order = await Order.objects.aget(pk=order_id)
    # Bound again on one path: the new instance has an empty cache.
    return order.customer.name
