import os
import tempfile
from pathlib import Path

from markitdown import MarkItDown


async def extract_text(content: bytes, suffix: str) -> str:
    with tempfile.NamedTemporaryFile(delete=False, suffix=suffix) as temp_file:
        temp_file.write(content)
        path = temp_file.name
    try:
        return MarkItDown().convert(path).text_content
    finally:
        os.unlink(path)


async def transcribe(audio: bytes) -> str:
    fd, audio_filename = tempfile.mkstemp(suffix=".webm")
    os.close(fd)
    try:
        Path(audio_filename).write_bytes(audio)
        return audio_filename
    finally:
        os.remove(audio_filename)


async def rotate(log_path: str) -> None:
    os.replace(log_path, f"{log_path}.1")


def cleanup(path: str) -> None:
    # A sync def: nothing to say.
    os.remove(path)
