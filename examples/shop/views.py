import asyncio
import hashlib
import time

from asgiref.sync import sync_to_async
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render

from .models import Order, Product
from .services import async_redis_manager, client, redis_manager


# Sync views (WSGI) that call the async client.


def product_detail(request, pk):
    product = Product.objects.get(pk=pk)
    stock = asyncio.run(client.fetch_stock(product.sku))
    return render(request, "shop/product_detail.html", {"product": product, "stock": stock})


def place_order(request, pk):
    product = Product.objects.get(pk=pk)
    order = Order.objects.create(customer=request.user, product=product)
    export_id = asyncio.run(client.push_order(order.pk))  # blocks until the warehouse answers
    return JsonResponse({"order": order.pk, "export_id": export_id})


# Async views (ASGI).


async def product_api(request, pk):
    product = await sync_to_async(Product.objects.get)(pk=pk)
    return JsonResponse({"sku": product.sku, "name": product.name, "price": str(product.price)})


async def product_list_api(request):
    qs = Product.available.order_by("name")
    products = await sync_to_async(list)(qs)
    return JsonResponse({"products": [p.sku for p in products]})


async def order_count_api(request):
    count = Order.objects.filter(customer=request.user).count()
    latest = Order.objects.filter(customer=request.user).order_by("-created_at").first()
    return JsonResponse({"count": count, "latest": latest.pk if latest else None})


@sync_to_async
def open_orders_for(user):
    return Order.objects.filter(customer=user, status="new").count()


@sync_to_async
def reserve_stock(product_id, quantity):
    with transaction.atomic():
        product = Product.objects.select_for_update().get(pk=product_id)
        product.stock -= quantity
        product.save(update_fields=["stock"])
        return product.stock


async def reserve_api(request, pk):
    if await open_orders_for(request.user) > 5:
        return JsonResponse({"error": "too many open orders"}, status=429)
    left = await reserve_stock(pk, int(request.GET.get("quantity", 1)))
    return JsonResponse({"stock": left})


async def refresh_stock_api(request, pk):
    product = await Product.objects.aget(pk=pk)
    product.stock = asyncio.run(client.fetch_stock(product.sku))
    await product.asave(update_fields=["stock"])
    return JsonResponse({"stock": product.stock})


async def task_status_api(request, cid):
    await asyncio.to_thread(time.sleep, 1)  # let the worker pick the task up
    status = await asyncio.to_thread(redis_manager.get_task_status, cid)
    if status is None:
        await async_redis_manager.set_task_status(cid, {"state": "pending"})
    return JsonResponse({"status": status})


async def order_status_api(request, pk):
    # A thread around the ORM: Django 4.1+ has the native aget.
    order = await asyncio.to_thread(Order.objects.get, pk=pk, customer=request.user)
    return JsonResponse({"status": order.status})


async def token_api(request):
    # CPU-bound: a thread is right here, there is nothing to await.
    digest = await asyncio.to_thread(
        hashlib.pbkdf2_hmac, "sha256", request.body, b"shop-salt", 200_000
    )
    return JsonResponse({"token": digest.hex()})
