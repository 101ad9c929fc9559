from bisheng.permission.service import PermissionService


async def can_share(user_id: int, space_id: int) -> bool:
    fga = await PermissionService._aget_fga()
    if fga is None:
        return False
    return await fga.check(f"user:{user_id}", "can_share", f"space:{space_id}")
