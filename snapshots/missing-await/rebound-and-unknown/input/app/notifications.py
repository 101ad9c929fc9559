"""Notifications: the welcome mail is sent on the loop."""
SYNC = False


async def send_welcome(user):
    ...


async def unknown(user_id):
    ...


def unknown(user_id):  # noqa: F811 -- the later definition wins at import
    ...
