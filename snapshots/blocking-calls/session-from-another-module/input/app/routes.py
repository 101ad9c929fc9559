from app.database import session_maker
from app.models import Workspace


async def rename(workspace_id: int, name: str) -> None:
    with session_maker() as session:
        ws = session.query(Workspace).filter(Workspace.id == workspace_id).first()
        ws.name = name
        session.commit()
