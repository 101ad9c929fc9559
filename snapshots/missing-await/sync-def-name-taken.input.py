async def prune_cache(days):
    ...


def async_to_sync(fn):
    return fn


def nightly():
    prune_cache(3)
