from asgiref.sync import sync_to_async

from app.models import Legacy, Note, Participant, Session


async def allowed(participant: Participant, identifier: str):
    return await sync_to_async(participant.is_allowed, thread_sensitive=True)(identifier)


async def team_size(team_id: int) -> int:
    return await sync_to_async(Participant.objects.filter(team_id=team_id).count)()


async def close(session: Session):
    await sync_to_async(session.close)()


async def archive(note: Note):
    await sync_to_async(note.archive)()


async def rename(legacy: Legacy, label: str):
    # LoggingProxy stands for the class: its methods are not this class's
    await sync_to_async(legacy.rename)(label)
