import logging

from django.contrib.auth import aauthenticate
from django.utils import timezone

logger = logging.getLogger('accounts')


class AuthService:
    @staticmethod
    async def login_async(email_or_phone, password, request=None):
        try:
            user = await aauthenticate(
                request=request,
                username=email_or_phone,
                password=password,
            )
            if not user:
                user = await aauthenticate(phone=email_or_phone, password=password)
            if not user:
                raise PermissionError('Invalid credentials.')

            # Update last login
            user.last_login = timezone.now()
            await user.asave(update_fields=['last_login'])
            return user
        except PermissionError:
            logger.warning('failed login for %s', email_or_phone)
            raise
