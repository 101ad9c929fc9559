from fastapi import APIRouter, HTTPException

from . import permissions
from .permissions import can_edit, is_banned

router = APIRouter()


@router.delete("/boards/{board_id}")
async def delete_board(board_id: int, user_id: int):
    if not await can_edit(user_id, board_id):  # never refuses: the coroutine is always true
        raise HTTPException(status_code=403)
    banned = await is_banned(user_id)
    if banned:
        raise HTTPException(status_code=403, detail="banned")
    return {"deleted": board_id}


@router.get("/boards/{board_id}/editable")
async def editable(board_id: int, user_id: int):
    return {"editable": await permissions.can_edit(user_id, board_id) is True}
