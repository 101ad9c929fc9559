from django.http import JsonResponse

from shop import services


async def reserve_api(request, pk):
    if await services.open_orders_for(
        request.user.pk,  # loaded
    ) > 5:
        return JsonResponse({"error": "too many open orders"}, status=429)
    return JsonResponse({"open": await services.open_orders_of(pk)})
