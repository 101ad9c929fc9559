import factory
from asgiref.sync import sync_to_async
from factory.django import DjangoModelFactory


class ShopFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Shop {n}")

    class Meta:
        model = "shop.Shop"


@sync_to_async
def create_shop(**kwargs):
    return ShopFactory.create(**kwargs)
