from asgiref.sync import sync_to_async
from django.http import JsonResponse

from app.helpers import mark_paid


@sync_to_async
def _confirm(invoice_id):
    mark_paid(invoice_id)


async def confirm_invoice(request, invoice_id):
    await _confirm(invoice_id)
    return JsonResponse({"status": "paid"})
