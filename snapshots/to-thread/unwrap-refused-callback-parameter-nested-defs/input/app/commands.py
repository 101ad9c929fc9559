import asyncio
from typing import Callable

from app.utils import asyncio_run


async def export_html(path):
    await asyncio.sleep(0)
    return f"<html>{path}</html>"


async def watch(path, on_change):
    await on_change(path)


def watch_and_export(path, watch_mode: bool, export_callback: Callable[[str], str]) -> None:
    if not watch_mode:
        print(export_callback(path))
        return

    async def on_file_changed(file_path) -> None:
        # export_callback may call asyncio_run() internally: run it in a thread
        result = await asyncio.to_thread(export_callback, file_path)
        print(result)

    asyncio_run(watch(path, on_file_changed))


def html(name: str, watch_mode: bool) -> None:
    def export_callback(file_path: str) -> str:
        return asyncio_run(export_html(file_path))

    return watch_and_export(name, watch_mode, export_callback)


def script(name: str, watch_mode: bool) -> None:
    def export_callback(file_path: str) -> str:
        return asyncio_run(export_html(file_path + ".py"))

    return watch_and_export(name, watch_mode, export_callback)
