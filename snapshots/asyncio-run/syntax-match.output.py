from asgiref.sync import async_to_sync


def handle(command: dict) -> None:
    match command:
        case {"action": "sync", "id": int(pk)} if pk > 0:
            async_to_sync(sync_one)(pk)
        case {"action": "sync-all", **rest}:
            async_to_sync(sync_all)(**rest)
        case [first, *others]:
            handle(first)
        case _:
            pass


async def sync_one(pk): ...


async def sync_all(**options): ...
