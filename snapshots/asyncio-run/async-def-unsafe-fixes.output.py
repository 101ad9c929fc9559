from .clients import load, notify


async def handler(user):
    await notify(user)


async def status(user):
    return (await load(user)).status


async def first(user):
    return (await load(user))[0]


async def call(user):
    return (await load(user))()


async def total(user):
    return 1 + await load(user, # which
        deep=True)
