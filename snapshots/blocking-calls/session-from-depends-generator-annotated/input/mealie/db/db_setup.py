from collections.abc import Generator

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from mealie.core.config import settings


def sql_global_init(db_url: str):
    connect_args = {"check_same_thread": False} if "sqlite" in db_url else {}
    engine = sa.create_engine(db_url, echo=False, connect_args=connect_args, pool_pre_ping=True)
    SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
    return SessionLocal, engine


SessionLocal, engine = sql_global_init(settings.DB_URL)  # type: ignore


def generate_session() -> Generator[Session, None, None]:
    """FastAPI dependency: one session per request."""
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
