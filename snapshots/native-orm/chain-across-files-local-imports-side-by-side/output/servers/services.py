from servers.models import MCPServer
from servers.selection import pool_from_rows


def deduped_pool_rows(user_id: int | None = None) -> list[MCPServer]:
    return [row for row in MCPServer.objects.filter(disabled=False).order_by("name")]


async def adeduped_pool_rows(user_id: int | None = None) -> list[MCPServer]:
    return [row async for row in MCPServer.objects.filter(disabled=False).order_by("name")]


def runtime_pool(user_id: int | None = None):
    return pool_from_rows(deduped_pool_rows(user_id))
