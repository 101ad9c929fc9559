from asgiref.sync import sync_to_async
from django.http import JsonResponse

from shop.services import reprice_order, reserve
from .services import release_stock


async def checkout(request, order_id):
    sku = request.GET["sku"]
    await sync_to_async(reserve)(order_id, sku)
    await sync_to_async(reprice_order)(order_id)
    return JsonResponse({"ok": True})


@sync_to_async
def cancel_order(order_id, sku):
    # Hands the row back to the shelf.
    release_stock(order_id, sku)


async def cancel(request, order_id):
    await cancel_order(order_id, request.GET["sku"])
    return JsonResponse({"ok": True})


async def place(request, order_id):
    from shop.checkout import place_order

    await sync_to_async(place_order)(order_id, request.GET["sku"])
    return JsonResponse({"ok": True})
