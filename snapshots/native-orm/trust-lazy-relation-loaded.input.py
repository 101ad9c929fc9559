from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    shipper = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="+")


async def prefetched(pk):
    order = await Order.objects.prefetch_related("customer").aget(pk=pk)
    return order.customer.name


async def prefetched_loop():
    names = []
    async for order in Order.objects.prefetch_related(
        "customer",  # fills the cache of every order
    ):
        names.append(order.customer.name)
    return names


async def selected_in_this_function(pk):
    qs = Order.objects.select_related("customer", "shipper")
    order = await qs.aget(pk=pk)
    return order.customer.name, order.shipper.name


async def refined_before_loading(pk):
    qs = Order.objects.filter(pk=pk)
    qs = qs.select_related("customer")
    order = await qs.aget()
    return order.customer.name


async def refined_after_loading(pk):
    qs = Order.objects.filter(pk=pk)
    first = await qs.afirst()
    qs = qs.select_related("customer")
    return first.customer.name  # AS202: loaded before the refinement


async def selected_loop():
    return [o.customer.name async for o in Order.objects.select_related("customer")]


async def still_lazy(pk):
    order = await Order.objects.aget(pk=pk)
    return order.customer.name
