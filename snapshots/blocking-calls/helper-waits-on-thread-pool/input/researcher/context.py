from researcher.scraper import Scraper


def scrape_urls(urls: list[str], user_agent: str = "Mozilla/5.0") -> list[dict]:
    try:
        return Scraper(urls, user_agent).run()
    except Exception as e:  # noqa: BLE001 - a failed page is skipped
        print(f"Error in scrape_urls: {e}")
        return []
