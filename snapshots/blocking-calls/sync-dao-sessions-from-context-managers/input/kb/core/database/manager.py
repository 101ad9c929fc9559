from contextlib import asynccontextmanager, contextmanager

from kb.core.database import DatabaseConnectionManager

_manager = DatabaseConnectionManager("mysql+pymysql://db/kb", "mysql+aiomysql://db/kb")


def sync_get_database_connection() -> DatabaseConnectionManager:
    """Get the global database connection manager synchronously."""
    return _manager


@contextmanager
def get_sync_db_session():
    """Convenient way to get synchronized database sessions

    Example:
        with get_sync_db_session() as session:
            result = session.execute("SELECT * FROM users")
    """
    db_manager = sync_get_database_connection()
    with db_manager.create_session() as session:
        yield session


@asynccontextmanager
async def get_async_db_session():
    async with _manager.async_session() as session:
        yield session
