import asyncio

from fastapi import APIRouter, Request

from app.maintenance import (
    assert_image_move_maintenance_inactive,
    label_for,
    read_header,
    thumbnail_size,
)

router = APIRouter()


@router.post("/images/upload")
async def upload_image(request: Request) -> dict:
    await asyncio.to_thread(assert_image_move_maintenance_inactive)
    return {"ok": True}


@router.get("/images/thumbnail")
async def thumbnail(request: Request, kind: str = "small") -> dict:
    size = await asyncio.to_thread(
        thumbnail_size,
        request.app.state.thumbnails,  # set at startup
        {"kind": kind},
    )
    label = label_for({"label": kind})
    return {"size": size, "label": label}


@router.get("/images/header")
async def header(path: str) -> dict:
    head = read_header(path)
    return {"magic": head.hex()}
