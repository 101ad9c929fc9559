"""Project helpers that do the ORM work (sync)."""
from shop.models import AuditEvent, Order, Product


def reserve_one(product_id):
    product = Product.objects.get(pk=product_id)
    product.stock -= 1
    product.save(update_fields=["stock"])
    return product.stock


def log_event(order_id, kind):
    return AuditEvent.objects.create(order_id=order_id, kind=kind).pk


def open_orders(customer_id):
    return list(Order.objects.filter(customer_id=customer_id, status="new").order_by("pk"))
