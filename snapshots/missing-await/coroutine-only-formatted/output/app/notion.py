import logging

from app.models import NotionConfig

logger = logging.getLogger(__name__)


async def make_token(user: str) -> str:
    return user[::-1]


async def notion_auth_callback(request, user: str, access_token: str) -> dict:
    notion_config = await NotionConfig.objects.acreate(token=access_token, user=user)
    logger.info(f"Notion config created: {notion_config}")
    return {"status": "ok"}


async def token_for(user: str) -> str:
    token = await make_token(user)
    logger.debug("token for %s: %s", user, token)
    return str(token)


async def started(user: str) -> None:
    pending = make_token(user)
    logger.info("started %s", pending)
    await pending  # awaited later: left alone


async def described(user: str) -> str:
    token = await make_token(user)
    return f"token {token}"  # returned inside a string: formatted only


async def counted(user: str) -> tuple[str, str]:
    first, second = await make_token(user)  # a coroutine cannot be unpacked
    return first, second
