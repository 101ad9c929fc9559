from asgiref.sync import async_to_sync

from .clients import fetch, push


def one(url):
    return async_to_sync(fetch)(url)


def two(url):
    data = async_to_sync(fetch)(url)
    async_to_sync(push)(data)
    return data


def three(urls):
    return [async_to_sync(fetch)(u) for u in urls]
