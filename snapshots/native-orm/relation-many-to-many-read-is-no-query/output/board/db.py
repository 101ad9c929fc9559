from asgiref.sync import sync_to_async

from board.models import Order, Post


async def post_options(post_id):
    post = await Post.objects.select_related("poll").aget(id=post_id)
    return [obj async for obj in post.poll.options.all()]


async def offer(order_id, worker):
    order = await Order.objects.aget(pk=order_id)
    await order.candidates.aadd(worker)


@sync_to_async
def offer_to(order, worker):
    # order comes from the bot's handler: nothing here says what it is
    order.candidates.add(worker)


@sync_to_async
def note_count(order):
    return order.notes.count()
