import asyncio
import os
import subprocess
import urllib.request

import httpx
import redis
import requests


async def sync_everything(order, path):
    rates = requests.get("https://rates.example/eur", timeout=5).json()
    httpx.post("https://hooks.example/order", json={"id": order.id})
    with httpx.Client() as client:
        client.get("https://example.org")
    urllib.request.urlopen("https://example.org/ping")
    subprocess.run(["convert", path, "thumb.png"], check=True)
    os.system("sync")
    proc = subprocess.Popen(["tail", "-f", path])
    with open(path) as f:
        text = f.read()
    cache = redis.Redis(host="localhost")
    return rates, proc, text, cache


def sync_view(path):
    # Sync code may block: nothing to report.
    requests.get("https://example.org")
    with open(path) as f:
        return f.read()


async def outer(path):
    def helper():
        # Runs in whatever thread calls it: not reported.
        return open(path).read()

    return await asyncio.to_thread(helper)


async def shadowed(open):
    return open("x")
