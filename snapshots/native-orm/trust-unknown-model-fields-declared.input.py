from asgiref.sync import sync_to_async

from billing.models import Invoice


@sync_to_async
def invoice_email(invoice_id):
    # billing/models.py declares `class Invoice(SafeDeleteModel)`: a base from a package.
    invoice = Invoice.objects.get(pk=invoice_id)
    return invoice.customer.email
