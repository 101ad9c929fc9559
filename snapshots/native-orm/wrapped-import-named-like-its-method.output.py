from asgiref.sync import sync_to_async
from django.core.mail import send_mail
from django.db import models


class Ticket(models.Model):
    subject = models.CharField(max_length=200)


class Notifier:
    """Sends mail from async consumers."""

    async def send_mail(self, subject, body, to):
        # The bare name is Django's send_mail (a method body does not see its class's names).
        await sync_to_async(send_mail)(subject, body, "noreply@example.com", [to])

    async def close(self, pk):
        ticket = await Ticket.objects.aget(pk=pk)
        await self.send_mail(f"Closed: {ticket.subject}", "—", "ops@example.com")
