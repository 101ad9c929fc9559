from fastapi import Depends, HTTPException
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import generate_async_session, generate_session, maybe_session
from app.models import User


async def get_current_user(user_id: int, session=Depends(generate_session)) -> User:
    user = session.execute(select(User).where(User.id == user_id)).scalar_one_or_none()
    if user is None:
        raise HTTPException(status_code=401)
    user.last_seen = "now"
    session.commit()
    return user


async def get_admin(user_id: int, session=Depends(generate_async_session)) -> User:
    user = await session.get(User, user_id)
    if user is None or not user.admin:
        raise HTTPException(status_code=403)
    return user


async def get_reader(user_id: int, session=Depends(maybe_session)) -> User | None:
    return session.get(User, user_id) if session else None
