from django.contrib.auth import get_user_model

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async

from tokens.middleware import (
    CookieAuthTokenMiddleware, HeaderAuthTokenMiddleware,
)


class UserGetterByIdMixin:

    def get_user_by_id(self, user_id):
        User = get_user_model()
        try:
            return User.objects.get(id=user_id)
        except User.DoesNotExist:
            return None


class ChatCookieAuthTokenMiddleware(CookieAuthTokenMiddleware, UserGetterByIdMixin):

    cookie_name = "test"

    @database_sync_to_async
    def get_user_instance(self, token_key):
        return self.get_user_by_id(token_key)


class ChatHeaderWithoutReconnectMiddleware(HeaderAuthTokenMiddleware, UserGetterByIdMixin):

    header_name = "Test-Authorization-Async"

    @sync_to_async
    def get_user_instance(self, token_key):
        return self.get_user_by_id(token_key)
