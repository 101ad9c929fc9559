import csv
from io import StringIO
from typing import IO, AsyncGenerator, Optional


class CSVParserAdvanced:
    """A parser for CSV data, sniffing the delimiter from a sample."""

    def get_delimiter(
        self, file_path: Optional[str] = None, file: Optional[IO[str]] = None
    ) -> str:
        sniffer = csv.Sniffer()
        if file:
            sample = file.read(1024)
        elif file_path is not None:
            with open(file_path) as f:  # only when a path is given
                sample = f.read(1024)
        else:
            raise ValueError("Either file_path or file must be provided")
        return sniffer.sniff(sample).delimiter

    async def ingest(self, data: str | bytes, num_col_times_num_rows: int = 100) -> AsyncGenerator[str, None]:
        if isinstance(data, bytes):
            data = data.decode("utf-8")
        # In memory only: file_path is left at None, open() never runs.
        delimiter = self.get_delimiter(file=StringIO(data))
        yield delimiter

    async def ingest_explicit_none(self, data: str) -> str:
        return self.get_delimiter(None, StringIO(data))

    async def ingest_path(self, path: str) -> str:
        # This one opens the file on the loop.
        return self.get_delimiter(file_path=path)

    async def ingest_forwarded(self, **options) -> str:
        return self.get_delimiter(**options)
