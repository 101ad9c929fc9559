# 同步任务 — synchronisation 🚀
import asyncio

from .clients import notify


async def handler(user):
    label = "😀 日本 é"; asyncio.run(notify(user, label))
