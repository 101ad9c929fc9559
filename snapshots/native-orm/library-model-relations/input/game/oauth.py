from channels.db import database_sync_to_async
from mcp.server.auth.provider import AccessToken as MCPAccessToken
from oauth2_provider.models import AccessToken as OAuthAccessToken


@database_sync_to_async
def token_expiry(value: str):
    # imported under an alias: still django-oauth-toolkit's AccessToken
    access = OAuthAccessToken.objects.get(token=value)
    return access.expires if access.scope else None


@database_sync_to_async
def token_owner(value: str):
    access = OAuthAccessToken.objects.get(token=value)
    return access.user


def as_mcp_token(access) -> MCPAccessToken:
    return MCPAccessToken(token=access.token, client_id="game", scopes=[])
