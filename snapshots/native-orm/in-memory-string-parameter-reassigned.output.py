"""Order lookup of a delivery bot (meros_reportbot app/orders.py)."""
from django.db import models


class Client(models.Model):
    name = models.CharField(max_length=100)


class Cabinet(models.Model):
    user_id = models.BigIntegerField()
    is_active = models.BooleanField(default=True)
    client = models.ForeignKey(Client, null=True, on_delete=models.SET_NULL)


class Order(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE)
    status = models.CharField(max_length=1)
    deal_id = models.CharField(max_length=50)


async def find_client_order(user_id, deal_id):
    """The archived order with this deal_id of the user's active cabinet."""
    deal_id = (deal_id or "").strip()
    if not deal_id:
        return None

    cabinet = await Cabinet.objects.filter(
        user_id=user_id, is_active=True
    ).select_related("client").afirst()
    if not (cabinet and cabinet.client):
        return None

    return await Order.objects.filter(client=cabinet.client, status="A", deal_id=deal_id).afirst()
