import asyncio
import concurrent.futures
import queue
import threading

from fastapi import APIRouter, Request

router = APIRouter()
detection_queue: "queue.Queue[str]" = queue.Queue(maxsize=100)
config_ready = threading.Event()


class PtzController:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._state_lock = threading.Lock()
        self._async_lock = asyncio.Lock()
        self.moves: list[str] = []

    async def get_camera_info(self, camera_name: str) -> dict:
        return {"name": camera_name}

    async def record_move(self, move: str) -> None:
        with self._state_lock:  # shared with the autotracker thread
            self.moves.append(move)

    async def record_move_tasks_only(self, move: str) -> None:
        async with self._async_lock:
            self.moves.append(move)


@router.get("/{camera_name}/ptz/info")
async def camera_ptz_info(request: Request, camera_name: str, onvif: PtzController):
    future = asyncio.run_coroutine_threadsafe(
        onvif.get_camera_info(camera_name),
        onvif.loop,  # the ONVIF thread's loop
    )
    result = future.result()
    return result


async def next_detection() -> str:
    return detection_queue.get(timeout=5)


async def next_detection_if_any() -> str | None:
    try:
        return detection_queue.get(block=False)
    except queue.Empty:
        return None


async def wait_for_config() -> None:
    config_ready.wait()


async def config_loaded() -> bool:
    return config_ready.wait(0)


class AsyncMemory:
    """mem0's get_all before the fix: a thread pool entered inside async def."""

    def __init__(self, vector_store, graph=None):
        self.vector_store = vector_store
        self.graph = graph

    async def get_all(self, filters: dict, limit: int = 100):
        with concurrent.futures.ThreadPoolExecutor() as executor:
            future_memories = executor.submit(self.vector_store.list, filters, limit)
            concurrent.futures.wait([future_memories])
        return future_memories.result()

    async def get_all_fixed(self, filters: dict, limit: int = 100):
        return await asyncio.to_thread(self.vector_store.list, filters, limit)
