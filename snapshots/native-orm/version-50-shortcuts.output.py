from django.contrib.auth import aauthenticate, alogin
from django.http import HttpResponse
from django.shortcuts import aget_object_or_404, redirect

from shop.models import Order


async def order_page(request, pk, owner_id):
    order = await aget_object_or_404(Order, pk=pk, owner_id=owner_id)
    return HttpResponse(order.reference)


async def sign_in(request):
    user = await aauthenticate(request, username=request.POST["u"], password=request.POST["p"])
    if user is not None:
        await alogin(request, user)
    return redirect("home")
