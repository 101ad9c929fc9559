from asgiref.sync import sync_to_async

from accounts.models import OAuthConnection


def in_thread(fn):
    # Outside the shared thread: each call gets a connection of its own.
    return sync_to_async(fn, thread_sensitive=False)


async def count_for(provider: str) -> int:
    return await in_thread(OAuthConnection.objects.filter(provider=provider).count)()


def run_async(fn, *args):
    # Not a wrapper alias: it wraps and calls.
    return sync_to_async(fn)(*args)


async def delete_for(provider: str):
    await run_async(OAuthConnection.objects.filter(provider=provider).delete)


def in_pool(fn):
    return sync_to_async(fn)


if OAuthConnection._meta.app_label == "legacy":
    # Bound twice: which one runs is decided at import time, so neither is taken for the wrapper.
    def in_pool(fn):  # noqa: F811
        return fn


async def touch(provider: str):
    await in_pool(OAuthConnection.objects.filter(provider=provider).delete)()
