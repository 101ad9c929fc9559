from asgiref.sync import sync_to_async
from django.http import HttpRequest, JsonResponse
from django.views import View

from shop.models import Order


async def order_count_api(request):
    # request.user is a SimpleLazyObject: building the query loads it.
    count = Order.objects.filter(customer=request.user).count()
    latest = Order.objects.filter(
        customer=request.user,  # the lazy user again
    ).order_by("-created_at").first()
    mine = [o.pk for o in Order.objects.filter(customer_id=request.user.pk)]
    return JsonResponse({"count": count, "latest": latest.pk if latest else None, "mine": mine})


async def wrapped_count_api(req: HttpRequest):
    count = await sync_to_async(Order.objects.filter(customer=req.user).count)()
    return JsonResponse({"count": count})


class OrdersView(View):
    async def get(self, request):
        total = Order.objects.filter(customer=self.request.user).count()
        return JsonResponse({"total": total})


async def by_id_api(request, customer_id):
    # No lazy object here: converted.
    count = await Order.objects.filter(customer_id=customer_id).acount()
    return JsonResponse({"count": count, "user": request.user.username})


@sync_to_async
def open_orders_for(user):
    return Order.objects.filter(customer=user, status="new").count()


async def open_orders_of(customer_id):
    return await Order.objects.filter(customer_id=customer_id, status="new").acount()


@sync_to_async
def all_open_orders(user):
    # Printing the user loads it too.
    print(user)
    return Order.objects.filter(status="new").count()


async def orders_of_owner(owner_id):
    return await Order.objects.filter(customer_id=owner_id).acount()


async def reserve_api(request, pk):
    if await open_orders_for(request.user) > 5:
        return JsonResponse({"error": "too many open orders"}, status=429)
    if await open_orders_of(customer_id=pk) > 5:
        return JsonResponse({"error": "too many"}, status=429)
    mine = await orders_of_owner(request.user.pk)  # loaded here, on the loop: not the wrapper's doing
    return JsonResponse({"open": await all_open_orders(request.user), "mine": mine})
