from contextlib import contextmanager

from django.db import connections


def close_old_connections(**kwargs):
    for conn in connections.all(initialized_only=True):
        conn.close_if_unusable_or_obsolete()


@contextmanager
def safe_db_connection():
    close_old_connections()
    try:
        yield
    finally:
        close_old_connections()
