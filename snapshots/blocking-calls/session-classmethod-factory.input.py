from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Order


class SessionFactory:
    maker = None  # set at start-up

    @classmethod
    def create(cls, *, autoflush: bool = True) -> Session:
        return cls.maker(autoflush=autoflush)


async def open_orders(customer_id: int) -> list[Order]:
    session = SessionFactory.create(autoflush=False)
    try:
        return list(
            session.scalars(
                select(Order).where(Order.customer_id == customer_id),  # open ones only
            )
        )
    finally:
        session.close()
