from unittest.mock import patch

import pytest

from crawls.models import Crawl
from services.crawl_service import CrawlService


@pytest.mark.django_db
@patch.object(Crawl, "is_finished", return_value=True)
async def test_completed_crawl(is_finished, crawl):
    assert await CrawlService(crawl.id).on_completed()
