from typing import Optional, Union

from asgiref.sync import sync_to_async
from django.http import HttpResponse

from rooms.models import Room, Secret, UsageReport


class RoomRequest:
    room: Union[Room, None]
    secret: Optional[Secret]

    def __init__(self, request):
        self.request = request
        self.room = None
        self.secret = None

    async def usage_body(self) -> str:
        return (await UsageReport.objects.aget(secret=self.secret)).body

    async def close_room(self) -> HttpResponse:
        if self.room is not None:
            await self.room.adelete()
        return HttpResponse(status=204)

    async def usage(self) -> HttpResponse:
        body = await self.usage_body()
        return HttpResponse(body, content_type="text/plain")

    def room_reports(self) -> list:
        # self.room.node is a ForeignKey: whoever set self.room chose whether to select it.
        return [r.body for r in UsageReport.objects.filter(secret__key=self.room.node.domain)]

    async def reports(self) -> HttpResponse:
        bodies = await sync_to_async(self.room_reports)()
        return HttpResponse("\n".join(bodies))

    async def node_domain(self) -> str:
        # A ForeignKey of the room: loaded lazily unless the caller selected it.
        return await sync_to_async(lambda: self.room.node.domain)()
