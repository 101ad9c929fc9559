from turns.models import Turn


def enqueue_turn(*, origin: str, key: str) -> Turn:
    origin = Turn.LEGACY_ORIGIN_ALIASES.get(origin, origin)
    existing = Turn.objects.filter(key=key, kind=Turn.Kinds.post).first()
    if existing is not None:
        return existing
    return Turn.objects.create(origin=origin, key=key)


async def aenqueue_turn(*, origin: str, key: str) -> Turn:
    origin = Turn.LEGACY_ORIGIN_ALIASES.get(origin, origin)
    existing = await Turn.objects.filter(key=key, kind=Turn.Kinds.post).afirst()
    if existing is not None:
        return existing
    return await Turn.objects.acreate(origin=origin, key=key)


def execute_turn_stub(turn: Turn) -> Turn:
    updated = Turn.objects.filter(pk=turn.pk, status=Turn.QUEUED).update(status=Turn.CLAIMED)
    turn.refresh_from_db()
    if not updated and turn.status not in (Turn.CLAIMED, Turn.RUNNING):
        return turn
    turn.status = Turn.RUNNING
    turn.save(update_fields=["status"])
    return turn


async def aexecute_turn_stub(turn: Turn) -> Turn:
    updated = await Turn.objects.filter(pk=turn.pk, status=Turn.QUEUED).aupdate(status=Turn.CLAIMED)
    await turn.arefresh_from_db()
    if not updated and turn.status not in (Turn.CLAIMED, Turn.RUNNING):
        return turn
    turn.status = Turn.RUNNING
    await turn.asave(update_fields=["status"])
    return turn
