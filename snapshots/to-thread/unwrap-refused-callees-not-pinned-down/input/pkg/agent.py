import asyncio
import subprocess
from dataclasses import dataclass
from typing import Callable

from pkg.tools import Tool


async def call_tool(tool: Tool, query: str):
    return await asyncio.to_thread(tool, query)


def to_async(sync_func: Callable):
    async def run(*args, **kwargs):
        return await asyncio.to_thread(sync_func, *args, **kwargs)

    return run


@dataclass
class Step:
    name: str
    function: Callable

    async def invoke(self, **kwargs):
        return await asyncio.to_thread(self.function, **kwargs)


async def stream(cmd: list[str], on_line: Callable[[str], None]) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)

    def pump() -> None:
        for line in proc.stdout:
            on_line(line)

    await asyncio.to_thread(pump)
