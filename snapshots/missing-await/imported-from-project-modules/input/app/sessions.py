async def touch(user):
    user.last_seen = None
