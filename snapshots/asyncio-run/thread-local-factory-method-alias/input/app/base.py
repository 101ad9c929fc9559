import asyncio

from celery import Task

from app.db import get_db_session


class BaseCodecovTask(Task):
    def run(self, *args, **kwargs):
        db_session = get_db_session()
        try:
            return asyncio.run(
                self.run_async(db_session, *args, **kwargs)
            )
        finally:
            db_session.commit()

    async def run_async(self, db_session, *args, **kwargs):
        raise NotImplementedError
