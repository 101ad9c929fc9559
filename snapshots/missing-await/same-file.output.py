import asyncio
import logging

log = logging.getLogger(__name__)


async def send_welcome(user, *, locale="fr"):
    log.info("welcome %s", user)


async def fetch_profile(user_id):
    return {"id": user_id}


def render(user):
    return f"<p>{user}</p>"


async def notify_all(users):
    for user in users:
        await send_welcome(user)
        await send_welcome(
            user,  # the primary address
            locale="de",
        )
    profile = await fetch_profile(users[0])
    log.info("profile %s", profile["id"])
    render(users[0])


async def handed_off(users):
    # Every coroutine below is awaited by someone else: left alone.
    await asyncio.gather(*(send_welcome(u) for u in users))
    task = asyncio.create_task(send_welcome(users[0]))
    pending = [send_welcome(u) for u in users]
    coroutine = fetch_profile(1)
    await coroutine
    later = fetch_profile(2)
    pending.append(later)  # only logged, it would never run (AS401)
    await asyncio.wait(pending)
    return task, fetch_profile(3)
