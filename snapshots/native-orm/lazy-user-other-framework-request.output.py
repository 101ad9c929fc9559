from asgiref.sync import sync_to_async
from django.http import HttpRequest
from starlette.requests import Request

from .models import Note


async def notes_of(request: Request):
    # A Starlette request: its user is what its authentication middleware set, no lazy object.
    return [obj async for obj in Note.objects.filter(owner=request.user)]


async def django_notes(request: HttpRequest):
    return await sync_to_async(list)(Note.objects.filter(owner=request.user))
