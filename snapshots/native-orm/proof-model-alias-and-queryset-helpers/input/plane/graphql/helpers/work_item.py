from typing import Optional

from asgiref.sync import sync_to_async

from plane.db.models import CycleIssue

# The GraphQL layer calls a cycle issue a "work item".
CycleWorkItem = CycleIssue


def apply_archived_filter(queryset, archived: bool = False):
    return queryset.filter(archived_at__isnull=not archived)


def work_item_base_query(workspace_id: int):
    return CycleWorkItem.objects.filter(workspace_id=workspace_id).select_related()


@sync_to_async
def get_work_item(workspace_id: int, item_id: int, archived: Optional[bool] = None):
    base_query = apply_archived_filter(
        queryset=work_item_base_query(workspace_id),
        archived=bool(archived),
    )
    return base_query.get(id=item_id)


async def first_work_item(workspace_id: int):
    return await sync_to_async(CycleWorkItem.objects.filter(workspace_id=workspace_id).first)()
