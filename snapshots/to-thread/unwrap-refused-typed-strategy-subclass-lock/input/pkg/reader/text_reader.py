import asyncio
from pathlib import Path
from typing import List

from pkg.reader.base import Reader
from pkg.reader.document import Document


class TextReader(Reader):
    def read(self, file: Path) -> List[Document]:
        document = Document(content=file.read_text(encoding="utf-8"), name=file.stem)
        if self.chunk:
            return self.chunk_document(document)
        return [document]

    async def async_read(self, file: Path) -> List[Document]:
        return await asyncio.to_thread(self.read, file)
