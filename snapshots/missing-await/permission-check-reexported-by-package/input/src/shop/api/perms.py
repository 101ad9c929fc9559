async def may_edit(user_id: int) -> bool:
    return user_id == 1


def is_staff(user_id: int) -> bool:
    return user_id < 10
