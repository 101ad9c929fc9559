import asyncio
import hashlib
import json


async def register(payload: bytes, password: str, salt: bytes):
    data = await asyncio.to_thread(json.loads, payload)
    key = await asyncio.to_thread(
        hashlib.pbkdf2_hmac, "sha256", password.encode(), salt, 600_000
    )
    thumbnail = await asyncio.to_thread(make_thumbnail, data["avatar"])
    return data, key, thumbnail


def make_thumbnail(image):
    return image
