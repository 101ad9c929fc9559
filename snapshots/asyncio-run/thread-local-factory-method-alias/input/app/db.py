import json

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, scoped_session, sessionmaker


def json_dumps(d):
    return json.dumps(d, default=str)


class SessionFactory:
    def __init__(self, database_url, timeseries_database_url=None):
        self.database_url = database_url
        self.timeseries_database_url = timeseries_database_url
        self.main_engine = None

    def create_session(self):
        self.main_engine = create_engine(
            self.database_url,
            json_serializer=json_dumps,
        )

        if self.timeseries_database_url:
            main_engine = self.main_engine

            class RoutingSession(Session):
                def get_bind(self, mapper=None, clause=None):
                    return main_engine

            session_factory = sessionmaker(class_=RoutingSession)
        else:
            session_factory = sessionmaker(bind=self.main_engine)

        return scoped_session(session_factory)


session_factory = SessionFactory(
    database_url="postgres://postgres:@postgres:5432/postgres",  # overridden in deployments
    timeseries_database_url=None,
)

session = session_factory.create_session()

get_db_session = session
