async def selection_view(request, user_id: int):
    # Imported here, as the rest of this module does: the views load before the services.
    from asgiref.sync import sync_to_async
    from servers.selection import build_selection_pool

    pool = await sync_to_async(build_selection_pool)(user_id)
    return {"pool": pool}
