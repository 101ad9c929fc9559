from asgiref.sync import sync_to_async
from django.db.models import F
from django.http import JsonResponse

from .models import Product


async def _reserve_one(product_id):
    await Product.objects.filter(pk=product_id).aupdate(stock=F("stock") - 1)
    return (await Product.objects.aget(pk=product_id)).stock


def _archive_image(product_id, content):
    product = Product.objects.get(pk=product_id)
    product.image.save(f"{product.sku}.png", content)


async def reserve_api(request, pk):
    left = await _reserve_one(pk)
    return JsonResponse({"stock": left})


async def archive_api(request, pk):
    await sync_to_async(_archive_image)(pk, request.body)
    return JsonResponse({"ok": True})
