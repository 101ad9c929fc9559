from typing import Optional, Union

import strawberry
from asgiref.sync import sync_to_async

from plane.db.models import Workspace
from plane.graphql.helpers.base_query import work_item_page_base_query
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


async def aget_workspaces_by_user_id(user_id: Union[str, strawberry.ID], filters: Optional[dict] = None) -> list[Workspace]:
    """Get workspaces by user id."""

    try:
        base_query = Workspace.objects.filter(workspace_member__member_id=user_id, workspace_member__is_active=True)
        if filters:
            base_query = base_query.filter(**filters)

        workspace = await base_query.afirst()
        return [workspace] if workspace is not None else []
    except Exception as e:
        log_graphql_error(message=f"Error getting workspaces by user id: {user_id}", error=e)
        return []


async def get_workspaces_by_user_id_async(
    user_id: Union[str, strawberry.ID], filters: Optional[dict] = None
) -> list[Workspace]:
    """Async version of get_workspaces_by_user_id."""

    return await aget_workspaces_by_user_id(user_id=user_id, filters=filters)


def get_epic_pages_count(workspace_id: int, epic_id: int) -> int:
    base_query = work_item_page_base_query(workspace_id=workspace_id, epic_id=epic_id)

    return base_query.count()


@sync_to_async
def get_epic_pages_count_async(workspace_id: int, epic_id: int) -> int:
    return get_epic_pages_count(workspace_id, epic_id)
