from fastapi import APIRouter, Depends

from app import deps
from app.deps import get_current_user, notify_group, require_admin
from app.schema import UserInDB

router = APIRouter(prefix="/api/groups")


@router.put("/{group_id}")
async def update_group(group_id: int, current_user: UserInDB = Depends(get_current_user)):
    require_admin(group_id)  # never runs; with await alone current_user is a Depends marker
    await notify_group(group_id, "updated")
    return {"id": group_id}


@router.delete("/{group_id}")
async def delete_group(group_id: int, current_user: UserInDB = Depends(get_current_user)):
    await deps.require_admin(group_id, current_user)  # passed: await added
    return {"deleted": group_id}
