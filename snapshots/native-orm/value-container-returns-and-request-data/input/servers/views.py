from asgiref.sync import sync_to_async

from servers.services import runtime_servers


async def servers_view(request, user_id):
    return await sync_to_async(runtime_servers)(user_id)
