import asyncio

from asgiref.sync import async_to_sync
from celery import shared_task

from app.db import Session, get_session, save_name
from app.telemetry import record_metric


async def record(name: str) -> None:
    save_name(name)


async def record_with_metric(name: str) -> None:
    record_metric(name)


async def record_in(session, name: str) -> None:
    session.execute("select 1")


async def ping(name: str) -> str:
    return name


@shared_task
def record_task(name: str) -> None:
    try:
        asyncio.run(record(name))
    finally:
        Session.commit()


@shared_task
def record_metric_task(name: str) -> None:
    asyncio.run(record_with_metric(name))
    Session.commit()


@shared_task
def record_in_task(name: str) -> None:
    session = get_session()
    try:
        asyncio.run(record_in(session, name))
    finally:
        session.commit()


@shared_task
def ping_task(name: str) -> str:
    # Reaches no thread-local state: the rewrite is safe.
    return async_to_sync(ping)(name)
