import asyncio
import json
from typing import Any


def _add_option(options: list[tuple[str, str]], seen: set[str], value: Any) -> None:
    text = str(value)
    if not text or text in seen:
        return
    options.append((text.casefold(), text))
    seen.add(text)


def _read_options(rows: list[dict]) -> list[tuple[str, str]]:
    options: list[tuple[str, str]] = []
    seen: set[str] = set()
    for row in rows:
        _add_option(options, seen, row.get("model"))
    return sorted(options)


def _generate(prompt: str, **kwargs: Any) -> str:
    size = kwargs.get("size", "1024*1024")
    return json.dumps({"prompt": prompt, "size": size})


async def list_options(rows: list[dict]):
    return await asyncio.to_thread(_read_options, rows)


async def generate(prompt: str):
    return await asyncio.to_thread(_generate, prompt, size="512*512")
