"""Dashboard views: one async, one sync."""
from django.http import JsonResponse

from app import rates
from app.legacy import refresh_twice
from app.rates import refresh_quietly


# On the event loop: what it calls must not start a loop of its own.
async def dashboard(request):
    # Not awaited: refresh_rates is a sync def that runs asyncio.run().
    rates.refresh_rates()
    # The legacy module's refresh_twice, not the one of app.rates.
    refresh_twice()
    return JsonResponse({"ok": True})


# A sync view: no loop runs here.
def report(request):
    # asyncio.run() inside is fine from here.
    refresh_quietly()
    return JsonResponse({"ok": True})
