from servers.models import MCPServer


def pool_from_rows(rows: list[MCPServer]) -> list[str]:
    return [row.name for row in rows]


def build_selection_pool(user_id: int | None = None) -> list[str]:
    # Imported here: servers.services imports this module at its top.
    from servers.services import deduped_pool_rows

    return pool_from_rows(deduped_pool_rows(user_id))


async def abuild_selection_pool(user_id: int | None = None) -> list[str]:
    # Imported here: servers.services imports this module at its top.
    from servers.services import adeduped_pool_rows

    return pool_from_rows(await adeduped_pool_rows(user_id))
