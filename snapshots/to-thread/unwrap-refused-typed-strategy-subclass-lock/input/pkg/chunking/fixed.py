from typing import List

from pkg.chunking.strategy import ChunkingStrategy
from pkg.reader.document import Document


class FixedSizeChunking(ChunkingStrategy):
    def __init__(self, chunk_size: int = 5000):
        self.chunk_size = chunk_size

    def chunk(self, document: Document) -> List[Document]:
        text = document.content
        return [Document(content=text[i : i + self.chunk_size], name=document.name) for i in range(0, len(text), self.chunk_size)]
