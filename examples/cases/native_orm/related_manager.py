from asgiref.sync import sync_to_async

from shop.models import Order, Product


async def order_again(product_id, customer):
    product = await Product.objects.aget(pk=product_id)
    order = await sync_to_async(product.orders.create)(customer=customer, quantity=1)
    return order.pk


async def orders_of(product_id):
    return await sync_to_async(Order.objects.filter(product_id=product_id).count)()
