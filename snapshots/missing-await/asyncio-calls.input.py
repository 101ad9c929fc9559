import asyncio
import asyncio as aio
from asyncio import sleep as pause


async def poll(job, queue):
    asyncio.sleep(0.5)
    aio.wait_for(job.done(), timeout=3)
    pause(1)
    asyncio.ensure_future(job.run())
    asyncio.create_task(job.run())
    asyncio.get_running_loop()
    queue.put_nowait(job)
    asyncio.sleep  # not a call


def sync_poll():
    asyncio.sleep(1)
