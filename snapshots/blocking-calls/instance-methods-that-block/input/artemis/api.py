from fastapi import APIRouter

from artemis.db import db

router = APIRouter()


@router.get("/analyses")
async def get_analyses() -> list[dict]:
    return db.list_analysis()


@router.post("/analyses/{analysis_id}/delete")
async def delete_analysis(analysis_id: str) -> dict:
    db.delete_analysis(analysis_id)
    db.remove_reports(analysis_id)
    return {"ok": True}


@router.get("/db")
async def describe() -> str:
    return db.describe()


@router.get("/ping")
async def ping() -> bool:
    return await db.ping()
