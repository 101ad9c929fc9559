from vendorpkg.models import Invoice


async def invoice_email(invoice_id):
    invoice = await Invoice.objects.aget(pk=invoice_id)
    return invoice.customer.email


async def invoice_total(invoice_id):
    invoice = await Invoice.objects.aget(pk=invoice_id)
    return invoice.total
