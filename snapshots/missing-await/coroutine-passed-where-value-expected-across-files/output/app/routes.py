from fastapi import Request

from app import store
from app.auth import get_tenant, get_user_id
from app.store import audit, get_instance, schedule, with_timeout


async def load_user_name(request: Request) -> str:
    return request.headers.get("X-User-Name", "")


async def open_store(request: Request, config: dict) -> store.ConversationStore:
    user_id = await get_user_id(request)
    return await get_instance(config, user_id)


async def delete_conversation(request: Request, conversation_id: str) -> None:
    await store.audit(
        "delete",
        actor=await get_user_id(request),  # the coroutine, not the id
    )


async def rename(request: Request) -> None:
    await audit("rename", actor=await load_user_name(request))


# Not reported: a plain def's result, or a receiver that takes the coroutine itself.


async def tenant_store(request: Request, config: dict) -> store.ConversationStore:
    return await get_instance(config, get_tenant(request))


async def later(request: Request) -> None:
    await with_timeout(get_user_id(request), 5)
    schedule(get_user_id(request), delay=1.0)
