import logging
import uuid

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

logger = logging.getLogger(__name__)
router = APIRouter(tags=["events"])


@router.post("/events/{event_id}/plus")
async def send_to_plus(request: Request, event_id: str) -> JSONResponse:
    return JSONResponse(content={"success": True}, status_code=200)


@router.put("/events/{event_id}/false_positive")
async def false_positive(request: Request, event_id: str) -> JSONResponse:
    plus_response = await send_to_plus(request, event_id)
    # Read before it is handed back: AttributeError on a coroutine.
    if plus_response.status_code != 200:
        return plus_response
    return JSONResponse(content={"success": True})


async def new_uuid() -> str:
    return str(uuid.uuid4())


class Row:
    def __init__(self, id: str, url: str) -> None:
        self.id = id
        self.url = url


async def populate(session, base_url: str, count: int = 10) -> None:
    for _ in range(count):
        id = await new_uuid()
        url = f"{base_url}/{id}"  # "<coroutine object new_uuid at 0x...>"
        session.add(Row(id=id, url=url))


# Not reported: the coroutine is only logged, then awaited by what it is handed to.


async def traced(event_id: str) -> str:
    pending = new_uuid()
    logger.debug("waiting for %s", pending)
    return await pending
