import asyncio
import threading

from celery import shared_task
from sqlalchemy.orm import scoped_session, sessionmaker

from billing.db import engine

Session = scoped_session(sessionmaker(bind=engine))
_request_state = threading.local()


async def sync_invoices(account_id):
    await _store(account_id)


async def _store(account_id):
    # scoped_session hands each thread its own session: under async_to_sync this is not the
    # task's session any more.
    Session.add_all([])
    Session.commit()


async def ping(account_id):
    return account_id


@shared_task
def sync_account(account_id):
    asyncio.run(sync_invoices(account_id))


@shared_task
def ping_account(account_id):
    asyncio.run(ping(account_id))
