"""Café synchronisation 🚀 — 同步任务."""

from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import refresh

GREETING = "こんにちは 👋🏽 naïve façade"  # 注释: emoji 🎉 and CJK 中文


@shared_task
def sync_café(name="Zoë 😀"):
    label = "日本語 🍣"; return async_to_sync(refresh)(name, label="ñandú 🦤")
