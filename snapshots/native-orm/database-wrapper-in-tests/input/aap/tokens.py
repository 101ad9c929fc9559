from channels.db import database_sync_to_async

from aap.services.auth import create_jwt_token


async def issue_token(scope):
    # The consumer's own connection: Channels closes stale ones around the call.
    token, _ = await database_sync_to_async(create_jwt_token)()
    return token
