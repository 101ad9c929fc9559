from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.db.models import Func, TextField
from django.db.models.functions import Cast, Left


class Lobby(models.Model):
    name = models.CharField(max_length=50)


class Entry(models.Model):
    lobby = models.ForeignKey(Lobby, on_delete=models.CASCADE)
    command = models.TextField(blank=True)


class TsVectorConcat(Func):
    # joins the vectors of several columns into one
    template = "(%(expressions)s)"
    arg_joiner = " || "


class LobbyConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        lobbies = Lobby.objects.all()
        if await lobbies.aexists():
            lobby = await sync_to_async(lambda: lobbies[0])()
            await lobby.adelete()
        await self.accept()


@database_sync_to_async
def search_in_lobby(lobby_id: int, term: str) -> list:
    vectors = [SearchVector(Left(Cast(f, TextField()), 100000), config="simple") for f in ("command",)]
    vector = TsVectorConcat(*vectors)
    return list(Entry.objects.filter(lobby_id=lobby_id).annotate(vector=vector).filter(vector=SearchQuery(term)))
