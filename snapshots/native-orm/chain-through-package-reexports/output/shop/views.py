from django.http import JsonResponse

from shop.services.pricing import areprice_order
from shop.services.stock.reservations import areserve_stock
from .services.stock.reservations import arelease_stock


async def checkout(request, order_id):
    sku = request.GET["sku"]
    await areserve_stock(order_id, sku)
    await areprice_order(order_id)
    return JsonResponse({"ok": True})


async def cancel_order(order_id, sku):
    # Hands the row back to the shelf.
    await arelease_stock(order_id, sku)


async def cancel(request, order_id):
    await cancel_order(order_id, request.GET["sku"])
    return JsonResponse({"ok": True})


async def place(request, order_id):
    from shop.checkout import aplace_order

    await aplace_order(order_id, request.GET["sku"])
    return JsonResponse({"ok": True})
