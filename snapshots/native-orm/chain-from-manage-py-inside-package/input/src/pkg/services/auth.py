from pkg.models import Token


def create_token(key: str) -> str:
    token, _ = Token.objects.get_or_create(key=key)
    return token.key
