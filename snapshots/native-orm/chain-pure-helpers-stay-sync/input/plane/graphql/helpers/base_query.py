from typing import Optional

from plane.db.models import WorkItemPage


def work_item_page_base_query(
    workspace_id: int,
    epic_id: int,
    filters: Optional[dict] = None,
):
    """Construct the base query for the epic page (lazy: nothing runs here)."""

    base_query = WorkItemPage.objects.filter(
        workspace_id=workspace_id, issue_id=epic_id, deleted_at__isnull=True
    ).only("id", "page_id")

    if filters is not None:
        base_query = base_query.filter(**filters)

    return base_query
