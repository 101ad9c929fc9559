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

    async def _replay_batch(self, turn, after: int):
        rows = turn.events.filter(seq__gt=after).order_by("seq")[:50]
        return [row.seq async for row in rows]


class TurnReplayer:
    """The same, for the websocket consumer: both steps run in a thread."""

    async def start(self, raw_id, after=0):
        turn = await self._get_turn(raw_id)
        if turn is None:
            return []
        return await self._replay_batch(turn, after)

    async def _get_turn(self, raw_id):
        return (
            await Turn.objects.select_related()
            .filter(pk=raw_id)
            .afirst()
        )

    async def _replay_batch(self, turn, after: int):
        return [obj async for obj in turn.events.filter(seq__gt=after).values_list("seq", flat=True)]
