from asgiref.sync import sync_to_async

from .models import Issue, UserRecentVisit


async def delete_work_item(workspace_id: int, issue_id: int) -> bool:
    issue = await Issue.objects.aget(workspace_id=workspace_id, pk=issue_id)
    # The project's SoftDeleteModel.delete(soft=True) override: adelete() takes no `soft`.
    await sync_to_async(issue.delete)(soft=False)
    visits = UserRecentVisit.objects.filter(entity_identifier=issue_id)
    await sync_to_async(visits.delete)(soft=False)
    await issue.asave(update_fields=["deleted_at"])
    return True
