from django.http import JsonResponse

from .models import Ticket


async def ticket_count(request):
    return JsonResponse({"count": Ticket.objects.count()})
