"""User DAO on SQLModel: sync sessions next to their async twins."""
from typing import Optional

from sqlalchemy import text
from sqlmodel import Field, Session, SQLModel, create_engine, select
from sqlmodel.ext.asyncio.session import AsyncSession

engine = create_engine("sqlite:///users.db")


class User(SQLModel, table=True):
    user_id: Optional[int] = Field(default=None, primary_key=True)
    user_name: str


def get_users(ids: list[int]) -> list[User]:
    with Session(engine) as session:
        return session.exec(select(User).where(User.user_id.in_(ids))).all()


class UserDao:
    @classmethod
    def get_user_by_ids(cls, ids: list[int]) -> list[User]:
        with Session(engine) as session:
            return session.exec(select(User).where(User.user_id.in_(ids))).all()

    @classmethod
    async def aget_user_by_ids(cls, session: AsyncSession, ids: list[int]) -> list[User]:
        result = await session.exec(select(User).where(User.user_id.in_(ids)))
        return result.all()


async def admins(ids: list[int], db: Session) -> list[str]:
    first = get_users(ids)
    others = UserDao.get_user_by_ids(ids)  # the aget_ twin awaits an AsyncSession
    with Session(engine) as session:
        count = session.execute(text("select count(*) from user")).scalar()
        session.add(User(user_name="audit"))  # add() only marks the object
    names = db.exec(select(User.user_name)).all()
    return [u.user_name for u in first + others] + names + [str(count)]
