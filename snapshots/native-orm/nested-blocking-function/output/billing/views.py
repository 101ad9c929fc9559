from asgiref.sync import sync_to_async
from django.http import JsonResponse

from .models import Invoice


async def invoice_summary(request, customer_id):
    async def get_totals_blocking():
        # Runs in the shared thread today; each query has a native async form.
        open_count = await Invoice.objects.filter(customer_id=customer_id, paid=False).acount()
        latest = await Invoice.objects.filter(customer_id=customer_id).order_by("-issued").afirst()
        return open_count, latest

    open_count, latest = await get_totals_blocking()
    return JsonResponse({"open": open_count, "latest": latest.number if latest else None})


async def invoice_pdf(request, pk):
    def render_blocking():
        # No ORM work: a PDF renderer with no async API stays in its thread.
        import weasyprint

        return weasyprint.HTML(string="<p>invoice</p>").write_pdf()

    pdf = await sync_to_async(render_blocking)()
    return pdf


async def mark_paid(request, pk):
    def mark_blocking():
        Invoice.objects.filter(pk=pk).update(paid=True)

    await sync_to_async(mark_blocking)()
    # Called a second time, directly: the nested def must stay sync.
    mark_blocking()
