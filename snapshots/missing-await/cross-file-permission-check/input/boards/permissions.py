from asgiref.sync import sync_to_async

from .store import members


async def can_edit(user_id: int, board_id: int) -> bool:
    return user_id in await members(board_id)


@sync_to_async
def is_banned(user_id: int) -> bool:
    with open("/etc/boards/banned") as banned:
        return str(user_id) in banned.read().split()
