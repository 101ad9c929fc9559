from asgiref.sync import sync_to_async

from board.models import Order, Post


@sync_to_async
def post_options(post_id):
    post = Post.objects.select_related("poll").get(id=post_id)
    return list(post.poll.options.all())


@sync_to_async
def offer(order_id, worker):
    order = Order.objects.get(pk=order_id)
    order.candidates.add(worker)


@sync_to_async
def offer_to(order, worker):
    # order comes from the bot's handler: nothing here says what it is
    order.candidates.add(worker)


@sync_to_async
def note_count(order):
    return order.notes.count()
