"""ReactPy test components: each save is awaited where it stands (reactpy-django 063250a^)."""

import asyncio

from channels.db import database_sync_to_async

from example.models import RelationalChild, RelationalParent, TodoItem


async def toggle_item(item: TodoItem):
    item.done = not item.done
    await item.asave()


async def add_children(parent: RelationalParent, children: list[RelationalChild]):
    # Replaces the whole set.
    await parent.many_to_many.aset(children)
    return await (parent.asave())


async def save_both(item: TodoItem, other: TodoItem):
    # In parallel on purpose: each save has a thread of its own.
    await asyncio.gather(
        database_sync_to_async(item.save, thread_sensitive=False)(),
        database_sync_to_async(other.save, thread_sensitive=False)(),
    )


async def save_later(item: TodoItem):
    task = asyncio.create_task(database_sync_to_async(item.save, thread_sensitive=False)())
    pending = database_sync_to_async(item.delete, thread_sensitive=False)()
    await task
    await pending
