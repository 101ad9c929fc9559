from contextlib import asynccontextmanager, contextmanager
from typing import Any, AsyncGenerator, Generator

from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlalchemy.ext.asyncio import create_async_engine


class DatabaseConnectionManager:
    def __init__(self, url: str, async_url: str) -> None:
        self.engine = create_engine(url)
        self.async_engine = create_async_engine(async_url)

    @contextmanager
    def create_session(self) -> Generator[Session, Any, None]:
        """Create a sync session"""
        session_maker = sessionmaker(
            bind=self.engine, class_=Session, expire_on_commit=False, autoflush=True
        )
        with session_maker() as session:
            try:
                yield session
            except BaseException:
                session.rollback()
                raise

    @asynccontextmanager
    async def async_session(self) -> AsyncGenerator[AsyncSession, None]:
        async with AsyncSession(self.async_engine) as session:
            yield session
