"""Rows of a GraphQL catalog payload, written with update_or_create (sync helpers).

Issue 23's headline shape: the payload is a decoded JSON document, and nothing but its shape
(string keys read with .get() and [...]) shows these helpers that it is no database object."""
from shop.models import AuditEvent, Product


def save_product(node):
    product, _created = Product.objects.update_or_create(
        sku=node.get("sku"),
        defaults={
            "name": node.get("name", "").strip(),
            "price": node["price"],
        },
    )
    return product


def save_stock(payload):
    saved = 0
    for item in payload.get("stock", {}).get("nodes", []):
        Product.objects.update_or_create(
            sku=item.get("sku"), defaults={"stock": int(item.get("count") or 0)}
        )
        saved += 1
    return saved


def save_events(payload):
    for edge in payload["orders"]["edges"]:
        order = edge["node"]
        AuditEvent.objects.update_or_create(
            order_id=int(order["id"]), kind=(order.get("kind") or "synced").lower()
        )
    return len(payload["orders"]["edges"])
