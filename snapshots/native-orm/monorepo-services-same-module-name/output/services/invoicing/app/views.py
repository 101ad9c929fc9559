from django.http import JsonResponse

from app.helpers import amark_paid


async def _confirm(invoice_id):
    await amark_paid(invoice_id)


async def confirm_invoice(request, invoice_id):
    await _confirm(invoice_id)
    return JsonResponse({"status": "paid"})
