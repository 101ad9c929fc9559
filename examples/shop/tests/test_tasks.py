import asyncio
from unittest import mock

from shop import tasks
from shop.services import client


def test_fetch_stock_parses_quantity():
    response = mock.Mock(json=lambda: {"quantity": 7})
    with mock.patch("httpx.AsyncClient.get", mock.AsyncMock(return_value=response)):
        assert asyncio.run(client.fetch_stock("SKU-1")) == 7


def test_refresh_prices_task_runs_the_client(db):
    with mock.patch.object(client, "refresh_prices", mock.AsyncMock(return_value={})):
        tasks.refresh_prices()
