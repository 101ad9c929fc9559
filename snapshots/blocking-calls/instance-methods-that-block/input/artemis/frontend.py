import asyncio

from artemis.cache import Cache
from artemis.db import DB

db = DB()
cache = Cache()


async def index() -> list:
    analyses = db.list_analysis()
    cache.remember(
        cache.key_for("latest"),  # a string: no round trip
        str(len(analyses)),
    )
    return analyses


async def index_in_thread() -> list:
    return await asyncio.to_thread(db.list_analysis)


def sync_index() -> list:
    return db.list_analysis()


async def shadowed(db) -> list:
    # A parameter named db: not the module's instance.
    return db.list_analysis()


async def add_form() -> dict:
    from artemis import csrf

    return csrf.form_context({"title": "Add targets"})
