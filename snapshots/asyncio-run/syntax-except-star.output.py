from asgiref.sync import async_to_sync


def sync_all(accounts):
    try:
        async_to_sync(refresh_all)(accounts)
    except* ConnectionError as group:
        for error in group.exceptions:
            print("retry later:", error)
    except* (ValueError, KeyError):
        raise


async def refresh_all(accounts): ...
