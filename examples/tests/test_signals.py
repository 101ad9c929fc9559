from shop.models import Order


def test_a_new_order_notifies_the_warehouse_once(user, product, warehouse):
    order = Order.objects.create(customer=user, product=product)
    order.status = "paid"
    order.save()
    assert warehouse.paths("POST") == [f"/api/orders/{order.pk}/notify"]
