"""Async client for the warehouse HTTP API."""
import asyncio

import httpx

BASE_URL = "https://warehouse.example.com/api"
TIMEOUT = httpx.Timeout(10.0)


async def fetch_stock(sku):
    async with httpx.AsyncClient(base_url=BASE_URL, timeout=TIMEOUT) as http:
        response = await http.get(f"/stock/{sku}")
        response.raise_for_status()
        return response.json()["quantity"]


async def push_order(order_id, *, priority=False):
    async with httpx.AsyncClient(base_url=BASE_URL, timeout=TIMEOUT) as http:
        response = await http.post("/orders", json={"id": order_id, "priority": priority})
        response.raise_for_status()
        return response.json()["export_id"]


async def refresh_prices(skus):
    async with httpx.AsyncClient(base_url=BASE_URL, timeout=TIMEOUT) as http:
        responses = await asyncio.gather(*(http.get(f"/prices/{sku}") for sku in skus))
        return {sku: r.json()["price"] for sku, r in zip(skus, responses)}


async def refund_order(order_id):
    async with httpx.AsyncClient(base_url=BASE_URL, timeout=TIMEOUT) as http:
        response = await http.post(f"/orders/{order_id}/refund")
        response.raise_for_status()
        return response.json()["refunded"]


async def notify_warehouse(order_id):
    async with httpx.AsyncClient(base_url=BASE_URL, timeout=TIMEOUT) as http:
        await http.post(f"/orders/{order_id}/notify")


if __name__ == "__main__":
    # Smoke check from a shell: python -m shop.services.client SKU-1
    import sys

    print(asyncio.run(fetch_stock(sys.argv[1])))
