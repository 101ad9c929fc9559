import asyncio

from pkg.pool import Connection, Session, Settings


def use_session() -> None:
    with Session():
        print("x")


async def from_env():
    return await asyncio.to_thread(Connection.from_env)


async def clone(conn: Connection):
    return await asyncio.to_thread(conn.clone)


async def session():
    await asyncio.to_thread(use_session)


async def default_settings():
    return await asyncio.to_thread(Settings.default)
