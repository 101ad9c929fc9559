from fastapi import Request


async def get_user_id(request: Request) -> str | None:
    return request.headers.get("X-User-Id")


def get_tenant(request: Request) -> str:
    return request.headers.get("X-Tenant", "default")
