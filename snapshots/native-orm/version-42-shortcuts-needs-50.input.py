from django.contrib.auth import authenticate, login
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from shop.models import Order


async def order_page(request, pk, owner_id):
    order = get_object_or_404(Order, pk=pk, owner_id=owner_id)
    return HttpResponse(order.reference)


async def sign_in(request):
    user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
    if user is not None:
        login(request, user)
    return redirect("home")
