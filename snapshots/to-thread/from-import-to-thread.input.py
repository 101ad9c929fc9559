from asyncio import to_thread
from time import sleep

from fastapi import APIRouter

router = APIRouter()


@router.post("/jobs/{job_id}/retry")
async def retry_job(job_id: int, delay: float = 1.0):
    await to_thread(sleep, delay)
    return {"job": job_id, "retried": True}
