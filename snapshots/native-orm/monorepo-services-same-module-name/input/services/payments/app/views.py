from asgiref.sync import sync_to_async
from django.http import JsonResponse

from app.helpers import mark_paid


@sync_to_async
def _settle(payment_id):
    mark_paid(payment_id)


async def settle_payment(request, payment_id):
    await _settle(payment_id)
    return JsonResponse({"status": "paid"})
