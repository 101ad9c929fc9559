import asyncio

from shop.services.cache import async_redis_manager, redis_manager

# 🚀 注文の状態をポーリングする — ステータス確認 ✅
GREETING = "こんにちは 👋🏽"


async def poll(task_id):  # 🐍 非同期
    await asyncio.sleep(0.5)  # 待つ ⏳
    status = await asyncio.to_thread(redis_manager.get_task_status, task_id)  # ✨
    await asyncio.to_thread(hash_password, "pässwörd 🔑")
    return status


def hash_password(raw):
    return raw
