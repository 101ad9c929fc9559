from pkg.models import Token


def create_token(key: str) -> str:
    token, _ = Token.objects.get_or_create(key=key)
    return token.key


async def acreate_token(key: str) -> str:
    token, _ = await Token.objects.aget_or_create(key=key)
    return token.key
