from asgiref.sync import sync_to_async

from .models import CardRequest, Order


async def create_card(payload: CardRequest):
    # CardRequest is a pydantic model declared in app/models.py: save() is its own method.
    payload.save()
    return payload.source


@sync_to_async
def store(payload: CardRequest, order: Order):
    payload.save()
    order.save()
    return payload.source
