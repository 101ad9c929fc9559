"""Sync (WSGI) views that call the async warehouse client."""
from shop.models import Order


def test_product_detail_shows_the_warehouse_stock(client, product, warehouse):
    warehouse.stock["SKU-1"] = 42
    response = client.get(f"/products/{product.pk}/")
    assert response.status_code == 200
    assert b"42 in stock" in response.content
    assert warehouse.paths("GET") == ["/api/stock/SKU-1"]


def test_place_order_creates_the_order_and_exports_it(client, user, product, warehouse):
    client.force_login(user)
    response = client.post(f"/products/{product.pk}/order/")
    assert response.status_code == 200
    order = Order.objects.get()
    assert response.json() == {"order": order.pk, "export_id": f"EXP-{order.pk}"}
    assert (order.customer, order.product, order.status) == (user, product, "new")
    # The post_save receiver told the warehouse, then the view pushed the order.
    assert warehouse.paths("POST") == [f"/api/orders/{order.pk}/notify", "/api/orders"]
