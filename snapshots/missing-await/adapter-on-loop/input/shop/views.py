from django.http import JsonResponse

from .integrations import rates
from .integrations.rates import SyncBridge, pull_rates


async def rates_view(request):
    data = rates.refresh_rates(request.GET.get("currency", "EUR"))
    return JsonResponse(data)


class CheckoutView:
    bridge = SyncBridge()

    async def post(self, request):
        quote = self.bridge.run_async(pull_rates("EUR"))
        return JsonResponse({"quote": quote})
