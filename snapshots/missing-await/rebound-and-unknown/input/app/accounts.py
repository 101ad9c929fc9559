from app.notifications import send_welcome
from app import notifications


async def fetch_profile(user_id):
    ...


def fetch_profile_sync(user_id):
    ...


if notifications.SYNC:
    def deliver(user):
        ...
else:
    async def deliver(user):
        ...


async def rebound(users, client, fetch):
    send_welcome = make_sender()
    send_welcome(users[0])
    client.fetch(users[0])
    fetch(users[0])
    deliver(users[0])


async def shadowed_by_parameter(fetch_profile):
    fetch_profile(1)


async def reassigned(user_id):
    loader = fetch_profile
    loader(user_id)
    notifications.unknown(user_id)


def make_sender():
    ...


async def with_class_body():
    class Handler:
        fetch_profile(1)

    return Handler
