"""Telegram client logins (tg_search src/apps/tg_client/helpers.py)."""
import logging

from django.db import models

logger = logging.getLogger(__name__)


class ClientSession(models.Model):
    name = models.CharField(max_length=100)


class Login(models.Model):
    code = models.CharField(max_length=10, null=True)
    client_session = models.ForeignKey(ClientSession, on_delete=models.CASCADE)


async def send_code(session):
    return session.name


async def relogin_clients() -> None:
    async for login in Login.objects.filter(code__isnull=True):
        logger.debug("Waiting for %s", login.client_session.name)  # loaded lazily here
    async for login in Login.objects.select_related("client_session").filter(code__isnull=False):
        await send_code(login.client_session)
        logger.debug("Login for client: %s", login.client_session.name)
    for login in Login.objects.filter(code="0"):  # sync iteration, rebinding in the body
        if login.code:
            login = await Login.objects.select_related("client_session").aget(pk=login.pk)
        logger.debug("Retry %s", login.client_session.name)
