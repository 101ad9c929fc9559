from asgiref.sync import sync_to_async
from django.http import JsonResponse

from shop.services import reprice_order, reserve


async def checkout(request, order_id):
    sku = request.GET["sku"]
    await sync_to_async(reserve)(order_id, sku)
    if reprice_order is not None:
        await sync_to_async(reprice_order)(order_id)
    return JsonResponse({"ok": True})
