"""Async (ASGI) views and helpers written while the team was learning async Django."""
from asgiref.sync import sync_to_async
from django.core.mail import send_mail
from django.http import JsonResponse

from .models import Order, Product

# A wrapper kept in a variable: its call sites are elsewhere (reported, AS207).
count_products = sync_to_async(Product.objects.count)


async def cancel_order_api(request, pk):
    order = await Order.objects.aget(pk=pk, customer=request.user)
    order.status = "cancelled"
    # A proven model instance: sync_to_async(order.save) becomes order.asave().
    await sync_to_async(order.save)(update_fields=["status"])
    return JsonResponse({"status": order.status})


async def product_stats_api(request):
    in_stock = await sync_to_async(
        lambda: Product.available.filter(stock__gt=0).count(),
        thread_sensitive=True,
    )()
    return JsonResponse({"in_stock": in_stock, "total": await count_products()})


@sync_to_async
def order_summary(order_id):
    order = Order.objects.get(pk=order_id)
    # order.product is a ForeignKey the query did not select_related: a lazy load (AS202).
    return {"order": order.pk, "product": order.product.name}


@sync_to_async
def confirm_order(order_id):
    order = Order.objects.select_related("customer").get(pk=order_id)
    # send_mail has no async API: the wrapper stays (AS205).
    send_mail("Order confirmed", f"Order {order.pk}", "shop@example.com", [order.customer.email])


async def order_summary_api(request, pk):
    summary = await order_summary(pk)
    await confirm_order(pk)
    return JsonResponse(summary)
