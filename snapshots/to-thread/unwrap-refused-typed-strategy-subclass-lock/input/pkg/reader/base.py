from typing import List, Optional

from pkg.chunking.fixed import FixedSizeChunking
from pkg.chunking.strategy import ChunkingStrategy
from pkg.reader.document import Document


class Reader:
    chunk: bool = True
    chunk_size: int = 5000
    chunking_strategy: Optional[ChunkingStrategy] = None

    def __init__(self, chunk: bool = True, chunking_strategy: Optional[ChunkingStrategy] = None) -> None:
        self.chunk = chunk
        self.chunking_strategy = chunking_strategy

    def chunk_document(self, document: Document) -> List[Document]:
        if self.chunking_strategy is None:
            self.chunking_strategy = FixedSizeChunking(chunk_size=self.chunk_size)
        return self.chunking_strategy.chunk(document)
