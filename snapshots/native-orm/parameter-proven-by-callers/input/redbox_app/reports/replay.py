from asgiref.sync import sync_to_async

from redbox_app.redbox_core.models import Turn


class Replayer:
    """Sends a turn's events again to a client that reconnects."""

    async def start(self, raw_id, after=0):
        turn = await self._get_turn(raw_id)
        if turn is None:
            return []
        return await self._replay_batch(turn, after)

    async def _get_turn(self, raw_id):
        try:
            return await Turn.objects.aget(pk=raw_id)
        except (Turn.DoesNotExist, ValueError):
            return None

    @sync_to_async
    def _replay_batch(self, turn, after: int):
        rows = turn.events.filter(seq__gt=after).order_by("seq")[:50]
        return [row.seq for row in rows]
