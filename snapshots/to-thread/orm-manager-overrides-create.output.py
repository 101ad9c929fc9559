import asyncio

from django.db import models


class TicketManager(models.Manager):
    def create(self, **kwargs):
        kwargs.setdefault("status", "NEW")
        return super().create(**kwargs)


class Ticket(models.Model):
    status = models.CharField(max_length=10)

    objects = TicketManager()


async def open_ticket(subject):
    # Manager.acreate would skip TicketManager.create: the thread stays.
    ticket = await asyncio.to_thread(Ticket.objects.create, subject=subject)
    total = await Ticket.objects.acount()
    return ticket, total
