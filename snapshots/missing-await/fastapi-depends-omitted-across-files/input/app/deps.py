from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from app.schema import UserInDB

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/auth/token")


async def get_current_user(token: str = Depends(oauth2_scheme)) -> UserInDB:
    return UserInDB.from_token(token)


async def require_admin(
    group_id: int,
    current_user: UserInDB = Depends(get_current_user),
) -> None:
    if not current_user.admin or current_user.group_id != group_id:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="NOT_AN_ADMIN")


async def notify_group(group_id: int, message: str) -> None:
    print(group_id, message)
