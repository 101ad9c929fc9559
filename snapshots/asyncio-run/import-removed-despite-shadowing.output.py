from asgiref.sync import async_to_sync

from .clients import fetch


def load(url):
    return async_to_sync(fetch)(url)


def gather_all(asyncio, coros):
    # `asyncio` here is the parameter, not the module.
    return asyncio.gather(*coros)


def local_rebinding():
    asyncio = FakeLoop()
    return asyncio.run_forever()
