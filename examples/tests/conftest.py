"""Shared fixtures: a fake warehouse (HTTP) and a fake Redis, users, products and orders.

The suite runs twice in `npm run test:django`: on the project as written ("before") and after
`asyncshift --write --unsafe-fixes` ("after"). A few sites are bugs before the migration (an
async view that calls the sync ORM, `asyncio.run` inside `async def`, `asyncio.run` around
thread-sensitive database work in a task); their tests assert the bug before and the fix after.
Every other test asserts the same behaviour in both phases.
"""
import json

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.test import AsyncClient

from shop.models import Order, Product
from shop.services import async_redis_manager, redis_manager

from .proof import PHASE


def pytest_report_header(config):
    return f"asyncshift proof phase: {PHASE}"


class Warehouse:
    """The warehouse HTTP API the client talks to, in memory."""

    def __init__(self):
        self.stock = {}
        self.prices = {}
        self.refund = True
        self.fail_push = 0
        self.requests = []

    def handle(self, request):
        self.requests.append((request.method, request.url.path))
        path = request.url.path.removeprefix("/api")
        parts = path.strip("/").split("/")
        if request.method == "GET" and parts[0] == "stock":
            return httpx.Response(200, json={"quantity": self.stock.get(parts[1], 0)})
        if request.method == "GET" and parts[0] == "prices":
            return httpx.Response(200, json={"price": self.prices.get(parts[1], "0.00")})
        if request.method == "POST" and path == "/orders":
            if self.fail_push:
                self.fail_push -= 1
                return httpx.Response(503)
            body = json.loads(request.content)
            suffix = "-P" if body["priority"] else ""
            return httpx.Response(200, json={"export_id": f"EXP-{body['id']}{suffix}"})
        if request.method == "POST" and parts[-1] == "notify":
            return httpx.Response(204)
        if request.method == "POST" and parts[-1] == "refund":
            return httpx.Response(200, json={"refunded": self.refund})
        return httpx.Response(404)

    def paths(self, method=None):
        return [p for m, p in self.requests if method in (None, m)]


@pytest.fixture(autouse=True)
def warehouse(monkeypatch):
    fake = Warehouse()
    real = httpx.AsyncClient

    class WarehouseClient(real):
        def __init__(self, *args, **kwargs):
            kwargs["transport"] = httpx.MockTransport(fake.handle)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(httpx, "AsyncClient", WarehouseClient)
    return fake


class FakeRedis:
    def __init__(self, store):
        self.store = store

    def get(self, key):
        return self.store.get(key)

    def set(self, key, value, ex=None):
        self.store[key] = value.encode() if isinstance(value, str) else value


class FakeAsyncRedis(FakeRedis):
    async def get(self, key):
        return FakeRedis.get(self, key)

    async def set(self, key, value, ex=None):
        FakeRedis.set(self, key, value, ex)


@pytest.fixture(autouse=True)
def redis_store(monkeypatch):
    store = {}
    monkeypatch.setattr(redis_manager, "_client", FakeRedis(store))
    monkeypatch.setattr(async_redis_manager, "_client", FakeAsyncRedis(store))
    return store


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user("ada", "ada@example.com", "pw")


@pytest.fixture
def other_user(db):
    return get_user_model().objects.create_user("bob", "bob@example.com", "pw")


@pytest.fixture
def product(db):
    return Product.objects.create(sku="SKU-1", name="Kettle", price="19.90", stock=10)


@pytest.fixture
def order(user, product):
    return Order.objects.create(customer=user, product=product, quantity=2)


@pytest.fixture
def aclient(user):
    client = AsyncClient()
    client.force_login(user)
    return client
