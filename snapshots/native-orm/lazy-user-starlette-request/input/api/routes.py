from asgiref.sync import sync_to_async
from fastapi import Request

from api.requests import AuthRequest
from notes import repositories
from notes.models import Note


async def create_note(request: AuthRequest, text: str):
    return await repositories.create_note(owner=request.user, text=text)


async def count_notes(request: "AuthRequest"):
    return await repositories.count_notes(request.user)


async def plain_notes(request: Request):
    return await repositories.count_notes(request.user)


async def my_count(request: AuthRequest) -> int:
    return await sync_to_async(Note.objects.filter(owner=request.user).count)()

