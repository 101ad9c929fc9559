import asyncio
import io
from typing import Optional

from fastapi import Body, HTTPException, UploadFile
from PIL import Image

from invokeai.app.api.dependencies import ApiDependencies
from invokeai.backend.image_util.util import np_to_pil, pil_to_np


async def upload_image(
    file: UploadFile,
    board_id: Optional[str] = Body(default=None, description="The board to add this image to, if any"),
) -> dict:
    """Uploads an image for the current user"""
    if board_id is not None:
        try:
            board = await asyncio.to_thread(ApiDependencies.invoker.services.boards.get_dto, board_id=board_id)
        except Exception:
            raise HTTPException(status_code=404, detail="Board not found")
    contents = await file.read()
    pil_image = Image.open(io.BytesIO(contents))

    # Flipped in a worker thread: numpy on a large image takes a while.
    def _flip() -> Image.Image:
        np_image = pil_to_np(pil_image)
        return np_to_pil(np_image[::-1])

    pil_image = _flip()
    return {"board": board_id, "size": pil_image.size}
