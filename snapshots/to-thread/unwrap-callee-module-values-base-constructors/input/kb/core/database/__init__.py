from kb.core.database.connection import DatabaseConnectionManager

__all__ = ["DatabaseConnectionManager"]
