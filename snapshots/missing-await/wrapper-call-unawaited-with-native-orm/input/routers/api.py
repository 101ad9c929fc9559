import logging
from typing import Any, List

from asgiref.sync import sync_to_async

from database.adapters import EntryAdapters

logger = logging.getLogger(__name__)


async def extract_references_and_questions(request, q: str, n: int = 5):
    user = request.user.object if request.user.is_authenticated else None

    # Initialize Variables
    compiled_references: List[Any] = []
    inferred_queries: List[str] = []

    if not sync_to_async(EntryAdapters.user_has_entries)(user=user):
        logger.warning(
            "No content index loaded, so cannot extract references from knowledge base."
        )
        return compiled_references, inferred_queries, q

    if await sync_to_async(EntryAdapters.user_entry_count)(user=user) < n:
        n = 1
    return compiled_references, inferred_queries, q
