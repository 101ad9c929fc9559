from app.cache import fast_cache, slow_cache


async def lookup(key):
    if fast_cache is None:
        return slow_cache.get(key)
    return await fast_cache.get(key)


async def lookup_guarded(key):
    if not fast_cache:
        return slow_cache.get(key)
    return await fast_cache.get(key)


async def lookup_unknown(key, refresh):
    if refresh(fast_cache):
        return slow_cache.get(key)
    return None
