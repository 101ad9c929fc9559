import re

from channels.auth import AuthMiddleware


class BaseAuthTokenMiddleware:
    """Reads a token from the scope and puts its user there."""

    def __init__(self, inner, *args, token_regex=None, **kwargs):
        self.inner = inner
        self.token_regex = token_regex or re.compile(r"^\S+$")

    async def __call__(self, scope, receive, send):
        token_key = self.get_token_key_string(scope)
        scope["user"] = await self.get_user_instance(token_key)
        return await self.inner(scope, receive, send)

    def get_token_key_string(self, scope):
        raise NotImplementedError

    async def get_user_instance(self, token_key):
        """Must be implemented by subclass to get user instance by token key."""
        raise NotImplementedError(
            "must provide a get_user_instance(token_key) method")


class HeaderAuthTokenMiddleware(BaseAuthTokenMiddleware):
    header_name = "Authorization"
    keyword = "Token"

    def get_token_key_string(self, scope):
        headers = dict(scope["headers"])
        return headers.get(self.header_name.lower().encode(), b"").decode()


class CookieAuthTokenMiddleware(AuthMiddleware):
    cookie_name = "token"

    def get_token_key_string(self, scope):
        return scope["cookies"].get(self.cookie_name)
