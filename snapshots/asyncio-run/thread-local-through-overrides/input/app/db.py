from sqlalchemy import create_engine, text
from sqlalchemy.orm import scoped_session, sessionmaker

Session = scoped_session(sessionmaker(bind=create_engine("sqlite://")))


def record_metric(name: str) -> None:
    Session.execute(text("insert into metrics values (:n)"), {"n": name})
