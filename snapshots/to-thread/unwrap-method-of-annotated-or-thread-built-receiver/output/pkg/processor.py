import asyncio

from pkg.chunker import Chunker, guarded_split


class FileProcessor:
    def __init__(self) -> None:
        self.chunker = Chunker(512)

    async def process(self, pages: list[str]) -> list[str]:
        text_chunker = Chunker(256)
        out: list[str] = []
        for page in pages:
            out += await asyncio.to_thread(text_chunker.chunk_text, page)
        return out

    async def process_attr(self, page: str) -> list[str]:
        return await asyncio.to_thread(self.chunker.chunk_text, page)


async def process_annotated(chunker: Chunker, page: str) -> list[str]:
    return await asyncio.to_thread(chunker.chunk_text, page)


async def process_built_in_thread(page: str) -> list[str]:
    text_chunker = Chunker(256)
    return await asyncio.to_thread(text_chunker.chunk_text, page)


async def process_unannotated(chunker, page: str) -> list[str]:
    # What chunker is cannot be read: unwrapped only with --unsafe-fixes.
    return await asyncio.to_thread(chunker.chunk_text, page)


async def process_optional(chunker: Chunker | None, page: str) -> list[str]:
    assert chunker is not None
    return await asyncio.to_thread(chunker.chunk_text, page)


async def split_guarded(page: str) -> list[str]:
    return await asyncio.to_thread(guarded_split, page)
