from asgiref.sync import sync_to_async

from app.models import Client


async def client_page(filters: dict):
    clients = Client.objects.filter(**filters).order_by("name")
    # evaluated here, so that the sync serializer reads the cached rows
    await sync_to_async(len)(clients)
    return clients


async def size_of(rows):
    return await sync_to_async(len)(rows)
