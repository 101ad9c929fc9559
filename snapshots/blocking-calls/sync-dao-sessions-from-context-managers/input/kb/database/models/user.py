from typing import Optional

from sqlmodel import Field, SQLModel, select

from kb.core.database import get_async_db_session, get_sync_db_session


class User(SQLModel, table=True):
    user_id: Optional[int] = Field(default=None, primary_key=True)
    user_name: str
    is_admin: bool = False


class UserDao:
    @classmethod
    def get_user_by_ids(cls, user_ids: list[int]) -> list[User]:
        with get_sync_db_session() as session:
            statement = select(User).where(User.user_id.in_(user_ids))
            return session.exec(statement).all()

    @classmethod
    async def aget_user_by_ids(cls, user_ids: list[int]) -> list[User]:
        async with get_async_db_session() as session:
            result = await session.exec(select(User).where(User.user_id.in_(user_ids)))
            return result.all()

    @classmethod
    def add_user(cls, user: User) -> User:
        with get_sync_db_session() as session:
            session.add(user)  # only marks it: the commit writes
            session.commit()
            session.refresh(user)
        return user

    @classmethod
    def admin_names(cls, users: list[User]) -> list[str]:
        return [u.user_name for u in users if u.is_admin]  # in memory
