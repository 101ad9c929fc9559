import os

from asgiref.sync import async_to_sync

from .clients import fetch


def load(url):
    return async_to_sync(fetch)(url, os.getcwd())
