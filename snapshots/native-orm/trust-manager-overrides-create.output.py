from asgiref.sync import sync_to_async
from django.db import models


class TicketManager(models.Manager):
    def create(self, **kwargs):
        kwargs.setdefault("status", "NEW")
        return super().create(**kwargs)

    def get_or_create(self, defaults=None, **kwargs):
        return super().get_or_create(defaults=defaults, **kwargs)


class Ticket(models.Model):
    status = models.CharField(max_length=10)
    subject = models.CharField(max_length=200)

    objects = TicketManager()

    def save(self, *args, **kwargs):
        self.subject = self.subject.strip()
        super().save(*args, **kwargs)


async def open_ticket(subject):
    # Manager.acreate runs QuerySet.create in a thread: TicketManager.create would not run.
    return await sync_to_async(Ticket.objects.create)(subject=subject)


async def ticket_for(subject):
    ticket, _ = await sync_to_async(Ticket.objects.get_or_create)(subject=subject)
    return ticket


async def count_open():
    # count() is not overridden: the native method is the same query.
    return await Ticket.objects.filter(status="NEW").acount()


async def close(ticket: Ticket):
    # Model.asave calls self.save in a thread: the override still runs.
    ticket.status = "CLOSED"
    await ticket.asave()


async def reopen_all():
    # The queryset's create, not the manager's: filter() returns a QuerySet.
    return await Ticket.objects.filter(status="CLOSED").aupdate(status="NEW")
