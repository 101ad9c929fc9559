from asgiref.sync import sync_to_async

from servers.selection import build_selection_pool


async def selection_view(request, user_id: int):
    pool = await sync_to_async(build_selection_pool)(user_id)
    return {"pool": pool}
