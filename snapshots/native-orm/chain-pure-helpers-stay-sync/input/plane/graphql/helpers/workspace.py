from typing import Optional, Union

import strawberry
from asgiref.sync import sync_to_async
from django.db.models import QuerySet

from plane.db.models import Workspace, WorkItemPage
from plane.graphql.utils.logger import log_graphql_error


def get_workspaces_by_user_id(user_id: Union[str, strawberry.ID], filters: Optional[dict] = None) -> list[Workspace]:
    """Get workspaces by user id."""

    try:
        base_query = Workspace.objects.filter(workspace_member__member_id=user_id, workspace_member__is_active=True)
        if filters:
            base_query = base_query.filter(**filters)

        workspace = base_query.first()
        return [workspace] if workspace is not None else []
    except Exception as e:
        log_graphql_error(message=f"Error getting workspaces by user id: {user_id}", error=e)
        return []


@sync_to_async
def get_workspaces_by_user_id_async(
    user_id: Union[str, strawberry.ID], filters: Optional[dict] = None
) -> list[Workspace]:
    """Async version of get_workspaces_by_user_id."""

    return get_workspaces_by_user_id(user_id=user_id, filters=filters)


# ***************************************
# Base Query
# ***************************************
def _work_item_page_base_query(
    workspace_id: int,
    epic_id: int,
    filters: Optional[dict] = None,
) -> QuerySet:
    """Construct the base query for the epic page (lazy: nothing runs here)."""

    base_query = WorkItemPage.objects.filter(
        workspace_id=workspace_id, issue_id=epic_id, deleted_at__isnull=True
    ).only("id", "page_id")

    if filters is not None:
        base_query = base_query.filter(**filters)

    return base_query


def get_epic_pages_count(workspace_id: int, epic_id: int) -> int:
    base_query = _work_item_page_base_query(workspace_id=workspace_id, epic_id=epic_id)

    return base_query.count()


@sync_to_async
def get_epic_pages_count_async(workspace_id: int, epic_id: int) -> int:
    return get_epic_pages_count(workspace_id, epic_id)
