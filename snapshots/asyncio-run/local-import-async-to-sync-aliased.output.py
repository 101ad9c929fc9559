from asgiref.sync import async_to_sync as a2s

from .clients import fetch


def load(url):
    return a2s(fetch)(url)
