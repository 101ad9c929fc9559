from collections.abc import Generator

from sqlalchemy import create_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("sqlite:///app.db")
SessionLocal = sessionmaker(bind=engine, autoflush=False)
AsyncSessionLocal = async_sessionmaker(create_async_engine("sqlite+aiosqlite:///app.db"))


def generate_session() -> Generator[Session, None, None]:
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


async def generate_async_session():
    async with AsyncSessionLocal() as session:
        yield session


def maybe_session(readonly: bool = False):
    # Yields a session or nothing: its value is not known for every request.
    if readonly:
        yield None
        return
    session = SessionLocal()
    yield session
