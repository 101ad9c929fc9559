from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen: Mapped[str] = mapped_column(String(40), default="")
