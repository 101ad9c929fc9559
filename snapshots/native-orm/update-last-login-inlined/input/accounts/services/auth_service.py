import logging

from asgiref.sync import sync_to_async
from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login

logger = logging.getLogger('accounts')


class AuthService:
    @staticmethod
    async def login_async(email_or_phone, password, request=None):
        try:
            user = await sync_to_async(authenticate)(
                request=request,
                username=email_or_phone,
                password=password,
            )
            if not user:
                user = await sync_to_async(authenticate)(phone=email_or_phone, password=password)
            if not user:
                raise PermissionError('Invalid credentials.')

            # Update last login
            await sync_to_async(update_last_login)(None, user)
            return user
        except PermissionError:
            logger.warning('failed login for %s', email_or_phone)
            raise
