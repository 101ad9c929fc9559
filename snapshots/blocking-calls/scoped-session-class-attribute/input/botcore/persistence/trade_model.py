"""Trade model: the bot thread and the RPC handlers share the class's scoped session."""

from datetime import datetime
from typing import Any, ClassVar, Optional

from sqlalchemy import ScalarResult, Select, select
from sqlalchemy.orm import Mapped, mapped_column

from botcore.persistence.base import ModelBase, SessionType


class Trade(ModelBase):
    __tablename__ = "trades"
    session: ClassVar[SessionType]
    # Filled once at start-up; read from memory afterwards.
    bt_trades: ClassVar[list["Trade"]] = []

    id: Mapped[int] = mapped_column(primary_key=True)
    pair: Mapped[str] = mapped_column()
    is_open: Mapped[bool] = mapped_column(default=True)
    close_date: Mapped[Optional[datetime]] = mapped_column(nullable=True)

    @staticmethod
    def get_trades_query(trade_filter=None) -> Select:
        query = select(Trade)
        if trade_filter is not None:
            query = query.filter(trade_filter)
        return query

    @staticmethod
    def get_trades(trade_filter=None) -> ScalarResult["Trade"]:
        query = Trade.get_trades_query(trade_filter)
        # this should remain split: if use_db is False, session is not available
        return Trade.session.scalars(query)

    @classmethod
    def commit(cls) -> None:
        cls.session.commit()

    def backtest_copies(self) -> list["Trade"]:
        return [t for t in self.bt_trades if t.pair == self.pair]


class PairLock(ModelBase):
    __tablename__ = "pairlocks"
    session: ClassVar[SessionType]

    id: Mapped[int] = mapped_column(primary_key=True)
    pair: Mapped[str] = mapped_column()

    @staticmethod
    def query_pair_locks(pair: str) -> list[Any]:
        return list(
            PairLock.session.scalars(
                select(PairLock).filter(PairLock.pair == pair),  # newest first below
            ).all()
        )
