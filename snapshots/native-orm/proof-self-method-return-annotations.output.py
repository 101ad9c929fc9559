from typing import Optional, Union

from asgiref.sync import sync_to_async
from django.db.models import QuerySet
from django.http import HttpResponse, JsonResponse

from .models import Meeting, Record, RecordSet


class NodeRequest:
    """One request of a node: the meeting and its recordings (b3lb's shape)."""

    def __init__(self, request, nonce: str):
        self.request = request
        self.nonce = nonce

    def filter_recordings(self, recording_id: str = "") -> QuerySet[Record]:
        return Record.objects.filter(record_set__nonce=self.nonce, pk=recording_id)

    def get_record_set_by_nonce(self) -> Union[RecordSet, None]:
        return RecordSet.objects.filter(nonce=self.nonce).first()

    async def aget_record_set_by_nonce(self) -> Union[RecordSet, None]:
        return await RecordSet.objects.filter(nonce=self.nonce).afirst()

    def get_meeting(self) -> Optional["Meeting"]:
        return Meeting.objects.filter(nonce=self.nonce).first()

    async def aget_meeting(self) -> Optional["Meeting"]:
        return await Meeting.objects.filter(nonce=self.nonce).afirst()

    def latest_record(self) -> Record | None:
        return self.filter_recordings().order_by("-created").first()

    async def alatest_record(self) -> Record | None:
        return await self.filter_recordings().order_by("-created").afirst()

    async def publish(self, recording_id: str) -> HttpResponse:
        recordings = await sync_to_async(self.filter_recordings)(recording_id=recording_id)
        await recordings.aupdate(published=True)
        return HttpResponse(status=200)

    async def delete_record_set(self) -> HttpResponse:
        record_set = await self.aget_record_set_by_nonce()
        if record_set is None:
            return HttpResponse(status=404)
        await record_set.adelete()
        return HttpResponse(status=204)

    async def end(self) -> JsonResponse:
        meeting = await self.aget_meeting()
        meeting.ended = True
        await meeting.asave(update_fields=["ended"])  # only the flag
        latest = await self.alatest_record()
        await latest.arefresh_from_db()
        return JsonResponse({"ended": True})


class CachedRequest(NodeRequest):
    async def lookup(self) -> Record:
        return await self.filter_recordings().afirst()

    async def republish(self):
        # An async method's call gives a coroutine, not the annotated value.
        recordings = self.lookup()
        await sync_to_async(recordings.save)()
