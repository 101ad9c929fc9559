import asyncio

from .clients import load_settings

SETTINGS = asyncio.run(load_settings())


class Config:
    values = asyncio.run(load_settings())
