from sqlalchemy import text

from app import db
from app.db import SessionFactory, make_plain_factory, make_registry
from app.state import locals as thread_state

Session = make_registry("postgresql://worker@db/worker")  # a registry: one session per thread
ReportSession = make_plain_factory("postgresql://worker@db/reports")
request_state = thread_state.make_request_state()
AuditSession = db.make_registry("postgresql://worker@db/audit")
ArchiveSession = db.SessionFactory("postgresql://worker@db/archive").create_session()
cache_factory = SessionFactory("postgresql://worker@db/cache")
CacheSession = cache_factory.create_session()


def save_name(name: str) -> None:
    Session.execute(text("insert into names values (:n)"), {"n": name})


def save_report(name: str) -> None:
    with ReportSession() as session:
        session.execute(text("insert into reports values (:n)"), {"n": name})


def current_user_id():
    return request_state.user_id


def audit(event: str) -> None:
    AuditSession.execute(text("insert into audit values (:e)"), {"e": event})


def archive(name: str) -> None:
    ArchiveSession.execute(text("insert into archive values (:n)"), {"n": name})


def cache_name(name: str) -> None:
    CacheSession.execute(text("insert into cache values (:n)"), {"n": name})
