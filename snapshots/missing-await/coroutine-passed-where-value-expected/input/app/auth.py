from fastapi import Request


async def get_user_id(request: Request) -> str | None:
    return request.headers.get("X-User-Id")


async def get_display_name(request: Request) -> str:
    return request.headers.get("X-User-Name", "anonymous")
