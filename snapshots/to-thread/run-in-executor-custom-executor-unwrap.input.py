import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

POOL = ProcessPoolExecutor(max_workers=2)


async def render(order):
    loop = asyncio.get_running_loop()
    # A process pool on purpose: rendering is CPU-bound.
    pdf = await loop.run_in_executor(POOL, render_invoice_pdf, order)
    await loop.run_in_executor(POOL, time.sleep, 1)
    return pdf


def render_invoice_pdf(order):
    return b"%PDF"
