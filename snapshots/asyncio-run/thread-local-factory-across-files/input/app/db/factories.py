from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker


def make_registry(url: str):
    """One session per thread: Celery's worker threads each get their own."""
    factory = sessionmaker(bind=create_engine(url, pool_pre_ping=True))
    return scoped_session(factory)


def make_plain_factory(url: str):
    # A plain sessionmaker: every call makes a new session, whatever the thread.
    return sessionmaker(bind=create_engine(url))


class SessionFactory:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)

    def create_session(self):
        return scoped_session(sessionmaker(bind=self.engine))
