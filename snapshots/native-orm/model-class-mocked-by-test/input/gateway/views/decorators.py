from asgiref.sync import sync_to_async

from management.models import Token, VectorStore


async def validate_file_search_tool(token: Token, vector_store_ids: list[str]) -> bool:
    # Deduplicate to avoid false negatives in the count check.
    unique_ids = list(set(vector_store_ids))
    # Users can only search their own vector stores.
    owned = await sync_to_async(
        VectorStore.objects.filter(remote_id__in=unique_ids, token__user=token.user).count
    )()
    return owned == len(unique_ids)


async def _validate_tool(token: Token, tool: dict) -> bool:
    if tool.get("type") == "file_search":
        return await validate_file_search_tool(token, tool.get("vector_store_ids", []))
    return True


def check_tool_availability(view):
    async def wrapper(request, token, tool):
        if not await _validate_tool(token, tool):
            return None
        return await view(request)

    return wrapper


async def has_vector_stores(token: Token) -> bool:
    # Async since it was written: not this run's doing.
    return await VectorStore.objects.filter(token=token).aexists()


def describe_tools() -> list[str]:
    return ["file_search"]
