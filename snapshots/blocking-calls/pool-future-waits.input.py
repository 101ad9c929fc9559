from concurrent.futures import ThreadPoolExecutor

_RENDER_POOL = ThreadPoolExecutor(max_workers=4)


def render(page: int) -> bytes:
    return b"%d" % page


async def render_page(page: int) -> bytes:
    return _RENDER_POOL.submit(render, page).result()


async def render_pages(pages: list[int]) -> list[bytes]:
    return list(_RENDER_POOL.map(render, pages))


async def render_later(page: int) -> bytes:
    future = _RENDER_POOL.submit(render, page)
    # ... other work ...
    return future.result(timeout=30)
