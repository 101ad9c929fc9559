import asyncio
import concurrent.futures
import contextvars
import inspect
from typing import Any


def is_inside_event_loop() -> bool:
    """Check if code is currently running inside an asyncio event loop."""
    try:
        asyncio.get_running_loop()
        return True
    except RuntimeError:
        return False


def resolve_plus_response(response: Any) -> Any:
    if not inspect.isawaitable(response):
        return response

    async def await_response() -> Any:
        return await response

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None

    # asyncio.run() refuses to nest inside a running loop, so hand the coroutine
    # to a worker thread with a loop of its own.
    if loop and loop.is_running():
        ctx = contextvars.copy_context()
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(ctx.run, asyncio.run, await_response()).result()

    return asyncio.run(await_response())


async def _asummarize_chunks(chunks: list[str]) -> list[dict]:
    return [{"content": c} for c in chunks]


def summarize_messages(chunks: list[str]) -> list[dict]:
    coro = _asummarize_chunks(chunks)
    if is_inside_event_loop():
        ctx = contextvars.copy_context()
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            summarized = pool.submit(ctx.run, asyncio.run, coro).result()
    else:
        summarized = asyncio.run(coro)
    return summarized


def handle_agent_action_core(step_callback, answer):
    # Unguarded: an async callback is run with asyncio.run() whatever the thread.
    cb_result = step_callback(answer)
    if inspect.iscoroutine(cb_result):
        asyncio.run(cb_result)
    return answer
