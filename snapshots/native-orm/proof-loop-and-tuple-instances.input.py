from asgiref.sync import sync_to_async

from shop.models import Order


@sync_to_async
def bump_all(customer_id):
    for order in Order.objects.filter(customer_id=customer_id):
        order.priority += 1
        order.save(update_fields=["priority"])
    order, created = Order.objects.update_or_create(reference="x", defaults={"priority": 0})
    if not created:
        order.delete()
    return [o.pk for o in Order.objects.filter(priority__gt=5)]
