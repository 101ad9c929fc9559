import csv
import io
from typing import List, Optional

from pkg.chunking.fixed import FixedSizeChunking
from pkg.reader.document import Document


class CSVReader:
    """Fixed-size rows only: no model is asked where to break."""

    def __init__(self, splitter: Optional[FixedSizeChunking] = None) -> None:
        self.splitter = splitter or FixedSizeChunking(chunk_size=2000)

    def read_text(self, text: str) -> List[Document]:
        rows = [", ".join(row) for row in csv.reader(io.StringIO(text))]
        return self.splitter.chunk(Document(content="\n".join(rows)))

    async def async_read_text(self, text: str) -> List[Document]:
        return self.read_text(text)
