from channels.auth import AuthMiddleware
from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model


class UserGetterByIdMixin:
    def get_user_by_id(self, user_id):
        User = get_user_model()
        try:
            return User.objects.get(id=user_id)
        except User.DoesNotExist:
            return None


class HeaderTokenMiddleware(AuthMiddleware, UserGetterByIdMixin):
    header_name = "Test-Authorization"

    @database_sync_to_async
    def get_user_instance(self, token_key):
        # The token *is* the user's id in the test app.
        return self.get_user_by_id(token_key)

