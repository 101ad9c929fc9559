import asyncio


async def current_account(token: str) -> str | None:
    return token or None


async def tested_then_used(token: str) -> str:
    account = await current_account(token)
    if account:  # always true: the coroutine object, not the account
        return str(account)
    return ""


async def gathered(token: str) -> list:
    account = current_account(token)
    if account:
        return await asyncio.gather(account)
    return []
