"""Telegram bot services (meros 8986c40^, kabinet 8fc8630^): sync ORM calls someone awaited."""
import strawberry
from django.db import models


class Bot_user(models.Model):
    user_id = models.BigIntegerField(null=True)
    phone = models.CharField(null=True, blank=True, max_length=16)


class Pod(models.Model):
    name = models.CharField(max_length=100)
    status = models.CharField(max_length=20, default="pending")


async def get_or_create(user_id):
    # Raised "object tuple can't be used in 'await' expression" (after the query ran on the loop).
    obj = await Bot_user.objects.get_or_create(user_id=user_id)
    return obj


@strawberry.mutation
async def stop_pod(info, id: strawberry.ID) -> str:
    pod = await Pod.objects.get(id=id)
    pod.status = "stopped"
    await pod.save(update_fields=["status"])  # not awaitable either
    return pod.name


async def count_pods() -> int:
    return await (
        Pod.objects.filter(status="running")  # the running ones
        .count()
    )
