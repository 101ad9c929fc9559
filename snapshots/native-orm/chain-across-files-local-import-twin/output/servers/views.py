from servers.selection import abuild_selection_pool


async def selection_view(request, user_id: int):
    pool = await abuild_selection_pool(user_id)
    return {"pool": pool}
