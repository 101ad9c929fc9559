"""Database infrastructure: connections and sessions."""

from .connection import DatabaseConnectionManager  # noqa: F401
from .manager import (
    get_async_db_session,
    get_sync_db_session,
    sync_get_database_connection,
)

__all__ = [
    "DatabaseConnectionManager",
    "sync_get_database_connection",
    "get_async_db_session",
    "get_sync_db_session",
]
