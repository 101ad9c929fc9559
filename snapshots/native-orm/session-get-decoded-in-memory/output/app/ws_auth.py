from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session


async def _session_contains_user(session_key: str, user_id: int) -> bool:
    session = await Session.objects.filter(session_key=session_key).afirst()
    if session is None:
        return False
    session_data = session.get_decoded()
    return str(session_data.get(SESSION_KEY) or "") == str(user_id)


async def check_session(session_key: str, user_id: int) -> bool:
    return await _session_contains_user(session_key, user_id)
