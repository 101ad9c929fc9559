from typing import List, Optional

from pkg.chunking.strategy import ChunkingStrategy
from pkg.models.base import Model
from pkg.models.azure_claude import Claude
from pkg.reader.document import Document


class AgenticChunking(ChunkingStrategy):
    """Asks a model where to break the text."""

    def __init__(self, model: Optional[Model] = None, max_chunk_size: int = 5000):
        self.model = model or Claude(id="claude-sonnet")
        self.max_chunk_size = max_chunk_size

    def chunk(self, document: Document) -> List[Document]:
        prompt = f"Return the offset of the best break point in:\n{document.content[: self.max_chunk_size]}"
        response = self.model.response([{"role": "user", "content": prompt}])
        at = int(response.get("content", "0") or 0) or self.max_chunk_size
        return [Document(content=document.content[:at]), Document(content=document.content[at:])]
