from typing import ClassVar

from sqlalchemy.orm import Session, scoped_session


class BacktestStore:
    """A class of this file declaring its session: the same rule without the survey."""

    session: ClassVar[scoped_session[Session]]
    label: ClassVar[str] = "backtest"

    @classmethod
    async def flush_all(cls) -> None:
        cls.session.flush()
        print(cls.label.upper())
