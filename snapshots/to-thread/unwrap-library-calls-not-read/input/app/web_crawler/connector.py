import asyncio
import json
import logging

from markdownify import markdownify
from playwright.sync_api import sync_playwright
from scrapling.fetchers import DynamicFetcher, StealthyFetcher

logger = logging.getLogger(__name__)


class WebCrawlerConnector:
    def _crawl_with_stealthy_sync(self, url: str, block_state: dict) -> str:
        """Runs the sync fetch in a worker thread so it works on any event loop."""
        page = StealthyFetcher.fetch(
            url,
            headless=True,  # no window on the server
            network_idle=True,
        )
        return page.html_content

    def _crawl_with_dynamic_sync(self, url: str) -> str:
        fetcher = DynamicFetcher()
        return fetcher.fetch(url).html_content

    def _render_sync(self, url: str) -> str:
        with sync_playwright() as p:
            browser = p.chromium.launch()
            page = browser.new_page()
            page.goto(url)
            return page.content()

    def _to_markdown(self, html: str) -> str:
        return markdownify(html)

    def _summary(self, html: str) -> str:
        return json.dumps({"length": len(html)})

    async def crawl_stealthy(self, url: str) -> str:
        return await asyncio.to_thread(self._crawl_with_stealthy_sync, url, {})

    async def crawl_dynamic(self, url: str) -> str:
        return await asyncio.to_thread(self._crawl_with_dynamic_sync, url)

    async def render(self, url: str) -> str:
        return await asyncio.to_thread(self._render_sync, url)

    async def to_markdown(self, html: str) -> str:
        # A library the check does not read: unwrapped only with --unsafe-fixes.
        return await asyncio.to_thread(self._to_markdown, html)

    async def fetch_direct(self, url: str) -> str:
        return (await asyncio.to_thread(StealthyFetcher.fetch, url)).html_content

    async def summary(self, html: str) -> str:
        return await asyncio.to_thread(self._summary, html)
