from servers.models import Server


def pool_rows(user_id: int | None = None) -> list[Server]:
    # a list built from the queryset: no queryset leaves this function
    pool: list[Server] = []
    for row in Server.objects.filter(active=True).order_by("name"):
        pool.append(row)
    return pool


def enabled_names(names: list[str]) -> set[str]:
    return {name for name in names if name}
