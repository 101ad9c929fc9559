"""Users' routes (mealie's shape): helpers that take FastAPI dependencies, called directly."""
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Security, status

from app.auth import get_current_user, oauth2_scheme
from app.schema import UserInDB, UserOut

router = APIRouter(prefix="/api/users", tags=["Users"])


async def assert_user_change_allowed(
    id: int,
    current_user: UserInDB = Depends(get_current_user),
):
    if current_user.id != id and not current_user.admin:
        # only admins can edit other users
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="NOT_AN_ADMIN")


async def may_see_private(
    user_id: int, *, token: str = Security(oauth2_scheme, scopes=["users:read"])
) -> bool:
    return bool(token) and user_id > 0


async def page_of(items: list, limit: int = Query(50, le=200)) -> list:
    return items[:limit]


async def audit(user: UserInDB, action: str) -> None:
    print(user.id, action)


@router.put("/{id}")
async def update_user(id: int, new_data: UserOut, current_user: UserInDB = Depends(get_current_user)):
    assert_user_change_allowed(id)  # the check never runs; await alone raises AttributeError
    await audit(current_user, "update")  # nothing injected: await added
    return new_data


@router.delete("/{id}")
async def delete_user(id: int, current_user: Annotated[UserInDB, Depends(get_current_user)]):
    await assert_user_change_allowed(
        id,  # the user id from the path
        current_user=current_user,
    )
    return {"deleted": id}


@router.get("/{id}/private")
async def private_profile(user_id: int, token: str = Security(oauth2_scheme)):
    if not may_see_private(user_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    if not await may_see_private(user_id, token=token):
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    return {"id": user_id}


@router.get("/")
async def list_users(users: list, limit: int = 50):
    shown = page_of(users)
    return shown[0], page_of(users, limit)
