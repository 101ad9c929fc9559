from asgiref.sync import sync_to_async

from .models import Cart


@sync_to_async
def cart_of(request):
    # `in` and `[...]` on request.session load a database-backed session with a query.
    if "cart_id" in request.session:
        return Cart.objects.get(pk=request.session["cart_id"])
    return None


@sync_to_async
def remember_cart(session, cart_id):
    session["cart_id"] = cart_id  # SessionBase.__setitem__ loads the session first
    return Cart.objects.filter(pk=cart_id).exists()


@sync_to_async
def forget_cart(request, cart_id):
    del request.session["cart_id"]
    return Cart.objects.filter(pk=cart_id).delete()


async def cart_total(payload: dict, cart_id):
    # An annotated mapping is held in memory: its items run no query.
    return await Cart.objects.filter(pk=cart_id).aupdate(total=payload["total"])


async def cart_from_kwargs(cart_id, **extra):
    if "coupon" in extra:
        return await Cart.objects.filter(pk=cart_id).aupdate(coupon=extra["coupon"])
    return await Cart.objects.filter(pk=cart_id).acount()


async def add_note(request, cart_id):
    # request.POST is parsed into memory before the view runs.
    return await Cart.objects.filter(pk=cart_id).aupdate(note=request.POST["note"])


async def restore_lines(cart_id, lines):
    # Items read only by string keys are mappings: a model instance has no [...].
    for line in lines:
        await Cart.objects.filter(pk=cart_id).aupdate(total=line["total"])
