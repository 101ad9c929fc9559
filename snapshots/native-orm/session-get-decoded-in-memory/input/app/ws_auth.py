from asgiref.sync import sync_to_async
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session


def _session_contains_user(session_key: str, user_id: int) -> bool:
    session = Session.objects.filter(session_key=session_key).first()
    if session is None:
        return False
    session_data = session.get_decoded()
    return str(session_data.get(SESSION_KEY) or "") == str(user_id)


async def check_session(session_key: str, user_id: int) -> bool:
    return await sync_to_async(_session_contains_user, thread_sensitive=True)(session_key, user_id)
