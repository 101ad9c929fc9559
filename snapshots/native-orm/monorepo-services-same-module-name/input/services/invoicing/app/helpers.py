from django.utils import timezone

from app.models import Invoice


def mark_paid(invoice_id):
    # One UPDATE: safe on the event loop once awaited.
    Invoice.objects.filter(pk=invoice_id).update(status="paid", paid_at=timezone.now())
