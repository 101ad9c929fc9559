from .models import Invoice


async def invoice_detail(request, pk):
    invoice = await Invoice.objects.select_related("customer").aget(pk=pk)
    total = await Invoice.objects.filter(customer=invoice.customer).acount()
    await invoice.asave(update_fields=["viewed"])
    return invoice, total
