from sqlalchemy import create_engine, text
from sqlalchemy.orm import scoped_session, sessionmaker

# One session per thread: Celery's worker threads each get their own.
Session = scoped_session(sessionmaker(bind=create_engine("sqlite://")))


def get_session():
    return Session


def save_name(name: str) -> None:
    Session.execute(text("insert into names values (:n)"), {"n": name})
