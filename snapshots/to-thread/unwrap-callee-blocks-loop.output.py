import asyncio
import queue
import threading
import time

from asgiref.sync import async_to_sync

from shop.remote import fetch_remote

ready = threading.Event()
jobs = queue.Queue()


async def connect():
    return "connected"


def start_client(loop):
    # Waits for a coroutine scheduled on `loop`: from the loop's own thread, it never ends.
    future = asyncio.run_coroutine_threadsafe(connect(), loop)
    return future.result()


def wait_ready():
    ready.wait()


def next_job():
    return jobs.get()


def nap(seconds):
    time.sleep(seconds)


def via_helper():
    return wait_ready()


def render(data):
    def later():
        asyncio.run(connect())  # only defined here, never called

    return data.upper()


class Runner:
    def __init__(self):
        self.lock = threading.Lock()

    def execute(self, q):
        return asyncio.run(self.query(q))

    async def query(self, q):
        return q

    def guarded(self):
        with self.lock:
            return 1

    def locked(self):
        self.lock.acquire()

    def bridge(self, q):
        return async_to_sync(self.query)(q)

    async def run(self, q):
        a = await asyncio.to_thread(self.execute, q)
        loop = asyncio.get_running_loop()
        b = await loop.run_in_executor(None, start_client, loop)
        await asyncio.to_thread(wait_ready)
        await asyncio.to_thread(next_job)
        await asyncio.to_thread(nap, 0.5)
        await asyncio.to_thread(via_helper)
        await asyncio.to_thread(self.locked)
        await asyncio.to_thread(self.bridge, q)
        c = render("ß")
        d = await asyncio.to_thread(self.guarded)
        e = fetch_remote(q)
        return a, b, c, d, e
