import asyncio


def sync_all(accounts):
    try:
        asyncio.run(refresh_all(accounts))
    except* ConnectionError as group:
        for error in group.exceptions:
            print("retry later:", error)
    except* (ValueError, KeyError):
        raise


async def refresh_all(accounts): ...
