from asgiref.sync import sync_to_async

from shop.models import Order


@sync_to_async
def open_orders_of_request(request):
    # The wrapper itself reads request.user: it loads in the worker thread today.
    return Order.objects.filter(customer=request.user, status="new").count()


class Reports:
    @sync_to_async
    def count_for(self, user, status):
        return Order.objects.filter(customer=user, status=status).count()

    async def get(self, request):
        return await self.count_for(status="new", user=request.user)
