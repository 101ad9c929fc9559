from celery import shared_task

from shop.services import release_stock, reprice_order, reserve


@shared_task
def reserve_later(order_id, sku):
    reserve(order_id, sku)
    reprice_order(order_id)


@shared_task
def expire(order_id, sku):
    release_stock(order_id, sku)


@shared_task
def place_later(order_id, sku):
    from shop.checkout import place_order

    place_order(order_id, sku)
