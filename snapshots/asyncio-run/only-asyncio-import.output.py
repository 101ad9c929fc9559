from asgiref.sync import async_to_sync


def load(fetch, url):
    return async_to_sync(fetch)(url)
