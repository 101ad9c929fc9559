from asgiref.sync import sync_to_async

from .models import CycleIssue, FileAsset, Page, Task


async def get_intake_attachment(workspace_slug: str, attachment_id: int):
    try:
        return await FileAsset.objects.aget(workspace__slug=workspace_slug, id=attachment_id)
    except FileAsset.DoesNotExist:
        return None


async def pages_with_ids(page_ids):
    return Page.objects.filter(id__in=page_ids)


def page_or_asset(pk: int, page: bool):
    if page:
        return Page.objects.get(pk=pk)
    return FileAsset.objects.get(pk=pk)


async def apage_or_asset(pk: int, page: bool):
    if page:
        return await Page.objects.aget(pk=pk)
    return await FileAsset.objects.aget(pk=pk)


async def delete_intake_attachment(workspace_slug: str, attachment_id: int) -> bool:
    attachment = await get_intake_attachment(workspace_slug, attachment_id)
    if attachment is None:
        return False
    attachment.is_deleted = True
    await attachment.asave(update_fields=["is_deleted"])
    return True


async def complete_tasks() -> None:
    task_list = [obj async for obj in Task.objects.filter(completed=False)]
    for task in task_list:
        task.completed = True
        await task.asave()


async def remove_cycle_issue(cycle_id: int, issue_id: int) -> None:
    cycle_issue = CycleIssue.objects.filter(
        cycle_id=cycle_id,  # the cycle
        issue_id=issue_id,
    )
    await cycle_issue.adelete()
    first = await CycleIssue.objects.filter(cycle_id=cycle_id).afirst()
    print(first)


async def archive_pages(page_ids: list[int]) -> None:
    pages = [page async for page in await pages_with_ids(page_ids)]
    for page in pages:
        await page.adelete()


async def touch_mixed(pk: int, extra) -> None:
    # A helper returning two models proves neither; a list filled later holds anything.
    thing = await apage_or_asset(pk, True)
    await sync_to_async(thing.save)()
    tasks = [obj async for obj in Task.objects.all()]
    tasks.append(extra)
    for task in tasks:
        await sync_to_async(task.save)()
