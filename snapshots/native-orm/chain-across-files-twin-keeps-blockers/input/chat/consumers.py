from asgiref.sync import sync_to_async

from users.identity import (
    ensure_user_identity_core,
    first_handle_user,
    handle_names,
    handle_owner_name,
    select_for_update_handle,
)


async def owner(handle_id: int, prefix: str, user):
    await sync_to_async(select_for_update_handle)(handle_id)
    await sync_to_async(first_handle_user)(prefix)
    names = await sync_to_async(handle_names)(prefix)
    core = await sync_to_async(ensure_user_identity_core)(user)
    return await sync_to_async(handle_owner_name)(handle_id), names, core
