import shutil
from pathlib import Path

import redis
import redis.asyncio as aioredis
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from fastapi import Depends
from sqlalchemy import create_engine, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

from .db import get_db
from .models import Order

engine = create_engine("postgresql://localhost/shop")
SessionLocal = sessionmaker(bind=engine)
cache = redis.from_url("redis://localhost:6379/0")  # sync client, shared
async_cache = aioredis.from_url("redis://localhost:6379/0")
TEMPLATES = Path(__file__).parent / "templates"
_seen: dict[str, int] = {}


async def list_orders(db: Session = Depends(get_db)) -> list[Order]:
    db.add(Order(status="draft"))  # only marks the object: the commit does the I/O
    db.commit()
    return db.scalars(select(Order)).all()


async def count_orders() -> int:
    with Session(engine) as session:
        return session.execute(select(Order)).scalar_one()


async def first_draft(db: Session) -> Order | None:
    return db.query(Order).filter(Order.status == "draft").first()


async def close_order(order_id: int) -> None:
    session = SessionLocal()
    order = session.get(Order, order_id)
    order.status = "closed"
    session.commit()


async def order_cached(key: str) -> bytes | None:
    pipe = cache.pipeline()  # builds the pipeline; its execute() is the round trip
    pipe.incr(f"hits:{key}")
    _seen[key] = _seen.get(key, 0) + 1  # a dict's get, not a client's
    await async_cache.set(key, b"1")
    return cache.get(key)


async def render_receipt(order_id: int, out: Path) -> str:
    template = Path("templates/receipt.txt").read_text(encoding="utf-8")
    out.write_text(template.format(order_id=order_id))
    return template


async def store_receipt(name: str, body: bytes) -> str:
    return default_storage.save(f"receipts/{name}", ContentFile(body))


async def list_orders_async(db: AsyncSession) -> list[Order]:
    return (await db.scalars(select(Order))).all()


async def rebuild_exports(folder: Path) -> int:
    shutil.rmtree(folder / "exports", ignore_errors=True)
    with open(folder / "manifest.txt") as manifest:
        return len(manifest.readlines())


async def verify_job(session: Session, job_id: int) -> Order | None:
    # The annotation is stale (callers pass an AsyncSession): an awaited call is not a blocking one.
    result = await session.execute(select(Order).where(Order.id == job_id))
    return result.scalar_one_or_none()
