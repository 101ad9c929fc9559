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
