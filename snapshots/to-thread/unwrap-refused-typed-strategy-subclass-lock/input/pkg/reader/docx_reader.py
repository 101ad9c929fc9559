import asyncio
from pathlib import Path
from typing import IO, Any, List, Union

from docx import Document as DocxDocument

from pkg.reader.base import Reader
from pkg.reader.document import Document


class DocxReader(Reader):
    def read(self, file: Union[Path, IO[Any]]) -> List[Document]:
        if isinstance(file, Path):
            if not file.exists():
                raise FileNotFoundError(f"Could not find file: {file}")
            docx_document = DocxDocument(str(file))
        else:
            docx_document = DocxDocument(file)
        documents = [Document(content="\n\n".join(p.text for p in docx_document.paragraphs))]
        if self.chunk:
            chunked = []
            for document in documents:
                chunked.extend(self.chunk_document(document))
            return chunked
        return documents

    async def async_read(self, file: Union[Path, IO[Any]]) -> List[Document]:
        return await asyncio.to_thread(self.read, file)
