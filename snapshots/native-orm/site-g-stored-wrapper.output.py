from asgiref.sync import sync_to_async

from shop.models import Order

count_orders = sync_to_async(Order.objects.count)
send_async = sync_to_async(print)


async def run_all(handlers):
    handlers.append(sync_to_async(Order.objects.filter(status="open").exists))
    return await count_orders()
