from asgiref.sync import sync_to_async
from django.db import models


class Product(models.Model):
    title = models.CharField(max_length=100)


@sync_to_async
def add_translations(product: Product, texts):
    # A local bound to a related manager's model: said as that, not "not imported".
    Translation = product.translations.model
    translations = [Translation(master=product, text=t) for t in texts]
    Translation.objects.bulk_create(translations)


@sync_to_async
def create_event_message(pk, model, serializer):
    instance = model.objects.get(id=pk)
    return serializer(instance).data


@sync_to_async
def first_peer(participants, me):
    # The builtin next(): over values this transform does not prove in memory.
    return next((p for p in participants if p.pk != me.pk), None)
