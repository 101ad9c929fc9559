import asyncio
from typing import Any, Awaitable, Optional

from fastapi import Request

from app.auth import get_display_name, get_user_id


class ConversationStore:
    def __init__(self, user_id: Optional[str]) -> None:
        self.user_id = user_id

    async def rename(self, request: Request, conversation_id: str) -> None:
        # The coroutine of get_display_name goes where a str is wanted.
        self.log_rename(
            conversation_id,
            await get_display_name(request),  # the new owner's name
        )

    def log_rename(self, conversation_id: str, name: str) -> None:
        print(f"{conversation_id} renamed by {name}")


async def get_instance(config: dict, user_id: str | None) -> ConversationStore:
    return ConversationStore(user_id)


async def audit(action: str, *, actor: Optional[str] = None) -> None:
    print(action, actor)


async def open_store(request: Request, config: dict) -> ConversationStore:
    user_id = await get_user_id(request)
    return await get_instance(config, user_id)


async def delete_conversation(request: Request, conversation_id: str) -> None:
    await audit("delete", actor=await get_user_id(request))


# Not reported: each receiver takes the coroutine itself, or says nothing of what it takes.


async def run_later(job, delay: float = 0.0):
    await asyncio.sleep(delay)
    return await job


async def with_timeout(job: Awaitable[str], seconds: float) -> str:
    return await asyncio.wait_for(job, seconds)


def describe(value: Any) -> str:
    return repr(value)


async def background(request: Request) -> None:
    task = asyncio.create_task(get_user_id(request))
    await run_later(get_user_id(request), delay=1.0)
    await with_timeout(get_display_name(request), 5)
    pending = get_user_id(request)
    await asyncio.gather(pending, task)
    print(describe(get_user_id(request)))


async def forwarded(request: Request, *args: str) -> None:
    # After *args no one can say which parameter a positional argument fills.
    await audit(*args, get_display_name(request))
