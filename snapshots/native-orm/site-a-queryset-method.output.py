"""Views for the order dashboard."""
from asgiref.sync import sync_to_async
from django.http import JsonResponse

from .models import Order


async def dashboard(request):
    # 🚀 compteur des commandes — 注文の数
    count = await Order.objects.filter(status="open").acount()
    latest = await Order.objects.alatest("created")
    first = await sync_to_async(
        Order.objects.filter(customer=request.user).order_by("-created").first
    )()
    exists = await Order.objects.aexists(
        # comment inside the argument list stays
    )
    return JsonResponse({"count": count, "latest": latest.pk, "first": first, "exists": exists})
