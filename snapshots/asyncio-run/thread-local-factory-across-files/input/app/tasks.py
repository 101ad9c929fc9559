import asyncio

from celery import shared_task

from app.db import make_registry
from app.models import archive, audit, cache_name, current_user_id, save_name, save_report

TaskSession = make_registry("postgresql://worker@db/tasks")


async def record(name: str) -> None:
    save_name(name)


async def record_report(name: str) -> None:
    save_report(name)


async def whoami() -> int:
    return current_user_id()


async def record_audit(event: str) -> None:
    audit(event)


@shared_task
def record_task(name: str) -> None:
    asyncio.run(record(name))


@shared_task
def record_report_task(name: str) -> None:
    # A plain sessionmaker holds no per-thread state: the rewrite is safe.
    asyncio.run(record_report(name))


@shared_task
def whoami_task() -> int:
    return asyncio.run(whoami())


@shared_task
def record_audit_task(event: str) -> None:
    asyncio.run(
        record_audit(event),
    )


async def record_in(session, name: str) -> None:
    session.execute("insert into names values (:n)", {"n": name})


@shared_task
def record_in_task(name: str) -> None:
    session = make_registry("postgresql://worker@db/worker")
    try:
        asyncio.run(record_in(session, name))
    finally:
        session.remove()


async def cleanup() -> None:
    TaskSession.remove()


@shared_task
def cleanup_task() -> None:
    asyncio.run(cleanup())


@shared_task
def archive_task(name: str) -> None:
    asyncio.run(archive_name(name))


async def archive_name(name: str) -> None:
    archive(name)
    cache_name(name)


async def cache_only(name: str) -> None:
    cache_name(name)


@shared_task
def cache_task(name: str) -> None:
    asyncio.run(cache_only(name))
