import asyncio

from fastapi import APIRouter

router = APIRouter()


@router.post("/jobs/{job_id}/retry")
async def retry_job(job_id: int, delay: float = 1.0):
    await asyncio.sleep(delay)
    return {"job": job_id, "retried": True}
