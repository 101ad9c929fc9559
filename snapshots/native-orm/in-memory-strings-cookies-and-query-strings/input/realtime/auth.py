from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from django.utils.crypto import constant_time_compare

from realtime.models import Message, Profile, Session


def _header(scope, name: bytes):
    for key, value in scope.get("headers", []):
        if key == name:
            return value
    return None


@sync_to_async
def profile_from_cookie(scope):
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar = SimpleCookie()
    jar.load(raw.decode("latin1"))
    morsel = jar.get("profile")
    if not morsel:
        return None
    profile = Profile.objects.filter(key=morsel.value).first()
    if profile is None or not constant_time_compare(profile.digest, "x"):
        return None
    return profile


@sync_to_async
def session_from_query(scope):
    """?session=<title> on the WebSocket URL."""
    qs = parse_qs((scope.get("query_string") or b"").decode("latin1"))
    values = qs.get("session") or []
    if not values:
        return None
    return Session.objects.filter(title=values[0]).first()


def save_message(username):
    session_key = None
    if username.startswith("anon_"):
        session_key = username.split("_")[1]
    return Message.objects.create(username=username, session_key=session_key)


async def post_message(payload: dict):
    return await sync_to_async(save_message)(payload["username"])
