import asyncio

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Order
from .services.client import notify_warehouse


@receiver(post_save, sender=Order)
def order_created(sender, instance, created, **kwargs):
    if created:
        asyncio.run(notify_warehouse(instance.pk))
