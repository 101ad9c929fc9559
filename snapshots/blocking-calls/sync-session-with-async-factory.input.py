from sqlalchemy import create_engine, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session

from .models import Invoice

engine = create_engine("postgresql+psycopg://localhost/billing")
async_engine = create_async_engine("postgresql+asyncpg://localhost/billing")
AsyncSessionLocal = async_sessionmaker(async_engine, expire_on_commit=False)


async def unpaid_invoices() -> list[Invoice]:
    # The old sync session, left over from before the move to asyncpg.
    with Session(engine) as session:
        return session.scalars(select(Invoice).where(Invoice.paid.is_(False))).all()


async def unpaid_invoices_async() -> list[Invoice]:
    async with AsyncSessionLocal() as session:
        return (await session.scalars(select(Invoice).where(Invoice.paid.is_(False)))).all()
