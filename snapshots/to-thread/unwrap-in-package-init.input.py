"""Routes shared by every blueprint (re-exported below for the app factory)."""

import asyncio

from app.routes.pages import render_page as render_page  # re-exported


def _paginate(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]


async def list_pages(items):
    return await asyncio.to_thread(_paginate, items, 20)
