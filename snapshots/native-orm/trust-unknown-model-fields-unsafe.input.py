from asgiref.sync import sync_to_async

from vendorpkg.models import Invoice


@sync_to_async
def invoice_email(invoice_id):
    invoice = Invoice.objects.get(pk=invoice_id)
    return invoice.customer.email


@sync_to_async
def invoice_total(invoice_id):
    invoice = Invoice.objects.get(pk=invoice_id)
    return invoice.total
