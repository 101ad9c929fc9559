"""FastAPI + Django ORM (taiga's shape): the user is set by the auth middleware, already loaded."""
from django.contrib.auth.models import User
from starlette.requests import Request


class AuthRequest(Request):
    @property
    def user(self) -> User:
        return self.scope["user"]
