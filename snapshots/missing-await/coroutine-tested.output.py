from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from boards.models import Board


async def user_can_edit(user, board_id):
    return await Board.objects.filter(pk=board_id, editors=user).aexists()


@sync_to_async
def is_archived(board_id):
    return Board.objects.get(pk=board_id).archived


@database_sync_to_async
def quota_left(user):
    return user.profile.quota


@sync_to_async(thread_sensitive=False)
def audit(event):
    print(event)


async def delete_board(request, board_id):
    # The dangerous form: a coroutine object is always true, so nobody is refused.
    if not await user_can_edit(request.user, board_id):
        raise PermissionDenied
    if await is_archived(board_id) and request.method == "DELETE":
        return JsonResponse({"archived": True})
    assert await quota_left(
        request.user,  # the owner's quota
    ), "no quota"
    left = await quota_left(request.user)
    if left:
        await sync_to_async(Board.objects.filter(pk=board_id).delete)()
    await audit("board deleted")
    return JsonResponse({"ok": await user_can_edit(request.user, board_id) == True})


async def board_title(request, board_id):
    return {"title": (await is_archived(board_id)).title, "n": len(await quota_left(request.user))}


async def any_editable(user, ids):
    # Inside a generator expression await would make an async generator: reported only.
    return any(user_can_edit(user, i) for i in ids)


async def editable_ids(user, ids):
    return [i for i in ids if await user_can_edit(user, i)]


class EditMixin:
    @sync_to_async
    def may_edit(self, user):
        return self.board.editors.filter(pk=user.pk).exists()


class BoardView(EditMixin):
    async def post(self, request):
        if await self.may_edit(request.user) or request.user.is_superuser:
            return JsonResponse({"ok": True})
        return JsonResponse({"ok": False}, status=403)


def legacy_check(user, board_id):
    # A sync def cannot await: reported, not rewritten.
    if user_can_edit(user, board_id):
        return True
    return False


async def handed_off(user, board_id):
    # Handed off or awaited later: not a value use.
    pending = user_can_edit(user, board_id)
    checks = [is_archived(board_id)]
    return await pending, checks
