async def selection_view(request, user_id: int):
    # Imported here, as the rest of this module does: the views load before the services.
    from servers.selection import abuild_selection_pool

    pool = await abuild_selection_pool(user_id)
    return {"pool": pool}
