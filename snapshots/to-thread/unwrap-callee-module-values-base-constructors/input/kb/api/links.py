import asyncio

from kb.core.database.manager import sync_get_database_connection
from kb.schemas import WebLinkImportError, WebLinkValidator
from kb.stores import MinioStore


def parse_links(raw: str):
    if not raw.strip():
        raise WebLinkImportError("empty payload")
    return WebLinkValidator.validate_json(raw)


def count_links(raw: str) -> int:
    db_manager = sync_get_database_connection()
    with db_manager.create_session() as session:
        return len(parse_links(raw)) + (session is None)


def _normalise(raw):
    return _strip(raw)


def _strip(raw):
    return _lower(raw)


def _lower(raw):
    return _store_for(raw.lower())


def _store_for(raw):
    return _open_store(raw)


def _open_store(raw):
    return MinioStore(raw)


def archive_links(raw: str):
    _normalise(raw)
    return _open_store(raw)


async def import_links(raw: str):
    links = await asyncio.to_thread(parse_links, raw)
    total = await asyncio.to_thread(count_links, raw)
    store = await asyncio.to_thread(archive_links, raw)  # keeps a copy in minio
    return links, total, store
