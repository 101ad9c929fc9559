import asyncio
import logging

import httpx
from celery import shared_task
from django.conf import settings
from redis import Redis

from .clients import fetch


@shared_task
def load(url):
    return asyncio.run(fetch(url, settings.TIMEOUT))
