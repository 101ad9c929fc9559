from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)


async def label(order: Order) -> str:
    # the caller loaded `order`: this function cannot see whether it used select_related
    return f"{order.pk}: {order.customer.name}"
