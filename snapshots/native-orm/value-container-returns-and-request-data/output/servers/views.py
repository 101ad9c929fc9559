from servers.services import aruntime_servers


async def servers_view(request, user_id):
    return await aruntime_servers(user_id)
