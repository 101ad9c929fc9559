from fastapi import Depends
from sqlalchemy import select

from app.clients import generate_session, get_redis_client
from app.models import Notification


async def cleanup_stale_notifications(ids: list[int]) -> list[int]:
    redis_client = get_redis_client()
    stale = []
    for notification_id in ids:
        heartbeat_key = f"indexing:heartbeat:{notification_id}"
        if not redis_client.exists(heartbeat_key):  # a round trip per row, on the loop
            stale.append(notification_id)
    return stale


async def get_current_user(user_id: int, session=Depends(generate_session)):
    user = session.execute(select(Notification).where(Notification.id == user_id)).scalar_one()
    session.commit()
    return user
