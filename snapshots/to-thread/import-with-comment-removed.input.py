import asyncio
import time  # backoff between polls

from shop.services.cache import redis_manager


async def wait_for_export(job_id: str) -> dict:
    while True:
        status = await asyncio.to_thread(redis_manager.get, f"export:{job_id}")
        if status:
            return {"job": job_id, "status": status}
        await asyncio.to_thread(time.sleep, 0.5)


async def throttled_ping(host: str) -> None:
    if host:
        import time  # only this coroutine sleeps
        await asyncio.to_thread(
            time.sleep,  # the ping budget
            1,
        )
