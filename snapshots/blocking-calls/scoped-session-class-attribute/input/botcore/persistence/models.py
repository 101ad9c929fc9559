from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

from botcore.persistence.trade_model import PairLock, Trade


def init_db(db_url: str) -> None:
    engine = create_engine(db_url, future=True)
    # Scoped sessions proxy requests to the appropriate thread-local session.
    Trade.session = scoped_session(sessionmaker(bind=engine, autoflush=False))
    PairLock.session = Trade.session
