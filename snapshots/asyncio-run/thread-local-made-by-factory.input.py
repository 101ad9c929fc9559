import asyncio
import threading

from celery import shared_task
from sqlalchemy import create_engine, text
from sqlalchemy.orm import scoped_session, sessionmaker


def make_registry(url="sqlite://"):
    registry = scoped_session(sessionmaker(bind=create_engine(url)))
    return registry


def make_plain_factory(url="sqlite://"):
    # A sessionmaker makes a new session per call: nothing here belongs to a thread.
    return sessionmaker(bind=create_engine(url))


class RequestState(threading.local):
    user_id = None


class Registries:
    def __init__(self, url):
        self.url = url

    def scoped(self):
        return scoped_session(sessionmaker(bind=create_engine(self.url)))


Session = make_registry()
DBSession = Session  # the name the older modules import
audit_db = Registries("sqlite://").scoped()
current = RequestState()
PlainSession = make_plain_factory()


async def save(name):
    DBSession.execute(text("insert into names values (:n)"), {"n": name})


async def audit(name):
    audit_db.execute(text("insert into audit values (:n)"), {"n": name})


async def whoami():
    return current.user_id


async def save_plain(name):
    with PlainSession() as session:
        session.execute(text("insert into names values (:n)"), {"n": name})


@shared_task
def save_task(name):
    asyncio.run(save(name))


@shared_task
def audit_task(name):
    asyncio.run(audit(name))


@shared_task
def whoami_task():
    return asyncio.run(whoami())


@shared_task
def save_plain_task(name):
    asyncio.run(save_plain(name))
