from kb.core.database import DatabaseConnectionManager

_manager = DatabaseConnectionManager()


def sync_get_database_connection() -> DatabaseConnectionManager:
    return _manager
