import asyncio
import subprocess
import time

import requests


async def wait_for_gateway(proc) -> None:
    while proc.poll() is None:
        time.sleep(1)  # type: ignore[ASYNC101] # noqa: ASYNC101
    with open("/tmp/gateway.log") as fh:  # noqa: ASYNC230
        print(fh.read())
    await asyncio.sleep(0.5)  # noqa: E501
    subprocess.run(["gateway", "--status"], check=True)  # noqa


async def lock_main_runloop(duration: int = 5) -> str:
    """Deliberately blocks the main asyncio event loop, to test the watchdog.

    WARNING: the whole server stops answering while it sleeps.
    """
    time.sleep(duration)
    return "done"


async def freeze(seconds: float) -> None:
    # Blocks the loop on purpose: the chaos test measures the stall.
    time.sleep(seconds)


async def fetch_status(url: str) -> int:
    # Not silenced: a noqa for another rule.
    return requests.get(url, timeout=5).status_code  # noqa: ASYNC251
