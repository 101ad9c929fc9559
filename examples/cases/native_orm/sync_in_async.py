"""Sync ORM calls written directly in async def: SynchronousOnlyOperation until rewritten."""
from shop.models import Order, Product


async def open_order_count(product_id):
    return Order.objects.filter(product_id=product_id, status="new").count()


async def discontinue(sku):
    product = Product.objects.get(sku=sku)
    product.active = False
    product.save(update_fields=["active"])
    return product.pk
