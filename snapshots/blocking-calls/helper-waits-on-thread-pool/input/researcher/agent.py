import asyncio

from researcher.context import scrape_urls


class GPTResearcher:
    async def scrape_data_by_query(self, urls: list[str]) -> list[dict]:
        # Scrape the urls (the human fix: await asyncio.to_thread(scrape_urls, urls))
        scraped_content_results = scrape_urls(urls)
        return scraped_content_results

    async def scrape_in_thread(self, urls: list[str]) -> list[dict]:
        return await asyncio.to_thread(scrape_urls, urls)
