from django.db import transaction

from app.models import Payment


def mark_paid(payment_id):
    # Same module and name as the invoicing service's helper: another program's code.
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        payment.status = "paid"
        payment.save(update_fields=["status"])
