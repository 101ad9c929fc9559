import logging

import httpx
from asgiref.sync import async_to_sync
from celery import shared_task
from django.conf import settings
from redis import Redis

from .clients import fetch


@shared_task
def load(url):
    return async_to_sync(fetch)(url, settings.TIMEOUT)
