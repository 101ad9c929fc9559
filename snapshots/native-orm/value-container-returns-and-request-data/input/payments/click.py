from adrf.requests import AsyncRequest
from django.http import JsonResponse

from payments.models import Transaction


def prepare(request: AsyncRequest):
    # request.data is the parsed body, held in memory
    order_id = request.data.get("merchant_trans_id", None)
    transaction = Transaction.objects.get(order_id=order_id)
    transaction.status = "waiting"
    transaction.save()
    return JsonResponse({"error": "0", "click_trans_id": request.data.get("click_trans_id", None)})
