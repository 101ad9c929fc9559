async def send_welcome(user):
    ...


async def notify(user):
    await send_welcome(user)
