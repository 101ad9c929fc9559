from asgiref.sync import sync_to_async

from shop.models import Product


@sync_to_async
def stock_by_sku():
    return {p.sku: p.stock for p in Product.objects.order_by("sku").iterator()}


@sync_to_async
def bump_prices(percent):
    changed = []
    for product in Product.available.all():
        product.price = product.price * (100 + percent) / 100
        product.save(update_fields=["price"])
        changed.append(product.sku)
    return sorted(changed)
