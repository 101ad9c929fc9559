from shop import api
from shop.api import is_staff, may_edit


async def edit_a(user_id: int) -> str:
    if not await api.may_edit(user_id):
        return "refused"
    return "ok"


async def edit_b(user_id: int) -> str:
    if not await may_edit(user_id):  # re-exported by shop.api
        return "refused"
    return "ok"


async def staff_only(user_id: int) -> str:
    # A sync function re-exported the same way: nothing to say.
    return "ok" if is_staff(user_id) else "refused"
