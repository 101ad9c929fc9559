from concurrent.futures import ThreadPoolExecutor
from functools import partial

import requests


class Scraper:
    """Scraper class to extract the content from the links."""

    def __init__(self, urls: list[str], user_agent: str) -> None:
        self.urls = urls
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": user_agent})

    def run(self) -> list[dict]:
        """Extracts the content from the links, 20 at a time."""
        partial_extract = partial(self.extract_data_from_link, session=self.session)
        with ThreadPoolExecutor(max_workers=20) as executor:
            contents = executor.map(partial_extract, self.urls)
        return [c for c in contents if c["raw_content"] is not None]

    def extract_data_from_link(self, link: str, session: requests.Session) -> dict:
        response = session.get(link, timeout=4)
        return {"url": link, "raw_content": response.text}
