from datetime import datetime, timezone

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import text

from mealie.db.db_setup import generate_session


async def get_current_user(request: Request, session=Depends(generate_session)) -> dict:
    user_id = request.headers.get("X-User-Id")
    if user_id is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
    user = session.execute(text("select * from users where id = :id"), {"id": user_id}).first()
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
    session.execute(
        text("update users set last_seen = :now where id = :id"),
        {"now": datetime.now(timezone.utc), "id": user_id},
    )
    session.commit()
    return dict(user._mapping)
