import time

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

router = APIRouter()


def imagestream(camera_name: str, fps: int, height: int):
    while True:
        # Runs when Starlette iterates the response, in its thread pool.
        time.sleep(1 / fps)
        yield b"--frame\r\nContent-Type: image/jpeg\r\n\r\n"


def read_snapshot(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


@router.get("/{camera_name}")
async def mjpeg_feed(camera_name: str, fps: int = 3, height: int = 360):
    return StreamingResponse(
        imagestream(camera_name, fps, height),
        media_type="multipart/x-mixed-replace;boundary=frame",
    )


@router.get("/{camera_name}/latest.jpg")
async def latest_frame(camera_name: str):
    return read_snapshot(f"/media/frigate/{camera_name}.jpg")
