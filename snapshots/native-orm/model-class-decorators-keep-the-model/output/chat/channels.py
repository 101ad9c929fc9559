from asgiref.sync import sync_to_async

from app.models import Legacy, Note, Participant, Session


async def allowed(participant: Participant, identifier: str):
    return await participant.ais_allowed(identifier)


async def team_size(team_id: int) -> int:
    return await Participant.objects.filter(team_id=team_id).acount()


async def close(session: Session):
    await session.aclose()


async def archive(note: Note):
    await note.aarchive()


async def rename(legacy: Legacy, label: str):
    # LoggingProxy stands for the class: its methods are not this class's
    await sync_to_async(legacy.rename)(label)
