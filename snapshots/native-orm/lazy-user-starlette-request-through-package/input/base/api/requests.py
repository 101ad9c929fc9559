from django.contrib.auth.models import AnonymousUser, User
from fastapi.requests import Request as RequestBase


class Request(RequestBase):
    @property
    def user(self) -> User | AnonymousUser:
        return self.scope.get("user", AnonymousUser())


class AuthRequest(RequestBase):
    @property
    def user(self) -> User:
        assert self.scope.get("user") is not None, "You can only use AuthRequest in authenticated routes."
        return self.scope["user"]
