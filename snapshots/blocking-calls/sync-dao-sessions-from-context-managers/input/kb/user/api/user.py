from fastapi import APIRouter

from kb.database.models.user import User, UserDao

router = APIRouter()


@router.get("/admins")
async def get_admins(ids: str) -> list[str]:
    admins_ids = [int(i) for i in ids.split(",")]
    users = UserDao.get_user_by_ids(admins_ids)
    return UserDao.admin_names(users)


@router.post("/users")
async def create_user(name: str) -> int:
    user = UserDao.add_user(User(user_name=name))
    return user.user_id


@router.get("/users")
async def list_users(ids: str) -> list[str]:
    users = await UserDao.aget_user_by_ids([int(i) for i in ids.split(",")])
    return [u.user_name for u in users]
