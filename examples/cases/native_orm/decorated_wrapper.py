from asgiref.sync import sync_to_async

from shop.models import Product


@sync_to_async
def restock(sku, quantity):
    product = Product.objects.get(sku=sku)
    product.stock += quantity
    product.save(update_fields=["stock"])
    return product.stock


@sync_to_async
def retire_empty_products():
    retired = 0
    for product in Product.objects.filter(stock=0, active=True):
        product.active = False
        product.save(update_fields=["active"])
        retired += 1
    return retired
