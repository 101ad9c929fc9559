from celery.result import AsyncResult
from fastapi import APIRouter

from app import worker
from app.worker import analyse, celery_app, not_a_task

router = APIRouter()


@router.post("/tasks")
async def add_analysis_task(url: str) -> dict:
    task_result = analyse.apply_async(
        (url,),
        kwargs={"depth": 2},  # deeper crawl for API users
        countdown=1,
    )
    return {"id": task_result.id}


@router.get("/tasks/{task_id}")
async def get_analysis_task(task_id: str) -> dict:
    t = AsyncResult(id=task_id, app=celery_app)
    return {"state": t.state}


@router.get("/tasks/{task_id}/wait")
async def wait_for_analysis(task_id: str) -> dict:
    result = worker.analyse.AsyncResult(task_id)
    return result.get(timeout=30)


@router.post("/echo")
async def echo(url: str) -> str:
    # Not a task: `delay` of something else says nothing.
    return not_a_task(url)


def sync_enqueue(url: str) -> str:
    # Sync code may publish: no event loop to block here.
    return analyse.delay(url).id
