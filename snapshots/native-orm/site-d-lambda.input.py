from asgiref.sync import sync_to_async

from .models import Invoice


async def invoice_detail(request, pk):
    invoice = await sync_to_async(lambda: Invoice.objects.select_related("customer").get(pk=pk))()
    total = await sync_to_async(
        lambda: Invoice.objects.filter(customer=invoice.customer).count(),
        thread_sensitive=True,
    )()
    await sync_to_async(lambda: invoice.save(update_fields=["viewed"]))()
    return invoice, total
