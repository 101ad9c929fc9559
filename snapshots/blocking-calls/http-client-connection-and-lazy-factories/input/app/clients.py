from collections.abc import Generator

import redis
from sqlalchemy.orm import Session

from app.config import config, sql_global_init

_redis_client: redis.Redis | None = None

# The factory comes from a tuple: only the annotations below say what it makes.
SessionLocal, engine = sql_global_init(config.DB_URL)


def get_redis_client() -> redis.Redis:
    """Get or create the Redis client (a lazy module singleton)."""
    global _redis_client
    if _redis_client is None:
        _redis_client = redis.from_url(config.REDIS_APP_URL, decode_responses=True)
    return _redis_client


def generate_session() -> Generator[Session, None, None]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
