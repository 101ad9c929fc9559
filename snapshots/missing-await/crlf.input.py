async def send_welcome(user):
    ...


async def notify(user):
    send_welcome(user)
