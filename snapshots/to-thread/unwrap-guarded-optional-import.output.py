"""Google Maps place pages: the plain tier first, the stealth browser when it is installed."""

import asyncio
import logging

try:  # browser tier is optional (needs patchright browsers installed)
    from scrapling.fetchers import StealthyFetcher
except Exception:  # pragma: no cover - import guard
    StealthyFetcher = None  # type: ignore[assignment]

try:
    import orjson as json_lib
except ImportError:
    json_lib = None

logger = logging.getLogger(__name__)


async def fetch_html_stealthy(url: str, *, timeout_ms: int = 30_000) -> str | None:
    if StealthyFetcher is None:
        logger.info("stealth tier not installed; skipping %s", url)
        return None
    page = await asyncio.to_thread(
        StealthyFetcher.fetch,
        url,
        headless=True,  # never show a window on the worker
        timeout=timeout_ms,
    )
    return page.html_content


async def decode(raw: bytes):
    # The guarded name stays orjson.loads, as a plain import would give it.
    return json_lib.loads(raw)
