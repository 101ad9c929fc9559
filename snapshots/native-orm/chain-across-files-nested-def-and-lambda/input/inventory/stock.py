from inventory.models import Item


def restock(sku: str, amount: int) -> None:
    Item.objects.filter(sku=sku).update(stock=amount)


def owned_count(owner) -> int:
    return Item.objects.filter(owner=owner).count()


def normalized(sku: str) -> str:
    return sku.strip().upper()
