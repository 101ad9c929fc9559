import json

from asgiref.sync import async_to_sync

from .clients import fetch


def load(url):
    return json.dumps(async_to_sync(fetch)(url))
