from asgiref.sync import sync_to_async

from .models import CycleIssue, FileAsset, Page, Task


@sync_to_async
def get_intake_attachment(workspace_slug: str, attachment_id: int):
    try:
        return FileAsset.objects.get(workspace__slug=workspace_slug, id=attachment_id)
    except FileAsset.DoesNotExist:
        return None


async def pages_with_ids(page_ids):
    return Page.objects.filter(id__in=page_ids)


def page_or_asset(pk: int, page: bool):
    if page:
        return Page.objects.get(pk=pk)
    return FileAsset.objects.get(pk=pk)


async def delete_intake_attachment(workspace_slug: str, attachment_id: int) -> bool:
    attachment = await get_intake_attachment(workspace_slug, attachment_id)
    if attachment is None:
        return False
    attachment.is_deleted = True
    await sync_to_async(attachment.save)(update_fields=["is_deleted"])
    return True


async def complete_tasks() -> None:
    task_list = await sync_to_async(list)(Task.objects.filter(completed=False))
    for task in task_list:
        task.completed = True
        await sync_to_async(task.save)()


async def remove_cycle_issue(cycle_id: int, issue_id: int) -> None:
    cycle_issue = await sync_to_async(CycleIssue.objects.filter)(
        cycle_id=cycle_id,  # the cycle
        issue_id=issue_id,
    )
    await sync_to_async(cycle_issue.delete)()
    first = await sync_to_async(
        (await sync_to_async(CycleIssue.objects.filter)(cycle_id=cycle_id)).first
    )()
    print(first)


async def archive_pages(page_ids: list[int]) -> None:
    pages = [page async for page in await pages_with_ids(page_ids)]
    for page in pages:
        await sync_to_async(page.delete)()


async def touch_mixed(pk: int, extra) -> None:
    # A helper returning two models proves neither; a list filled later holds anything.
    thing = await sync_to_async(page_or_asset)(pk, True)
    await sync_to_async(thing.save)()
    tasks = await sync_to_async(list)(Task.objects.all())
    tasks.append(extra)
    for task in tasks:
        await sync_to_async(task.save)()
