import asyncio

from celery import Task


class BaseTask(Task):
    def run(self, *args, **kwargs):
        # Each task's coroutine, run to completion on the worker's thread.
        return asyncio.run(self.run_async(*args, **kwargs))

    async def run_async(self, *args, **kwargs):
        raise NotImplementedError
