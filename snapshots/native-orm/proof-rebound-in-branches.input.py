from asgiref.sync import sync_to_async

from tags.models import Tag


async def tag_named(n, create):
    tag = Tag.objects.filter(name=n)
    if await sync_to_async(tag.exists)():
        tag = await sync_to_async(tag.first)()
    else:
        tag = Tag(name=n)
        await sync_to_async(tag.save)()
    return tag


async def label_or_cached(n, cache):
    label = await Tag.objects.filter(name=n).afirst()
    if label is None:
        label = cache.get(n)
    await sync_to_async(label.save)()
    return label


async def entry_or_default(n, cache, fallback):
    entry = cache.get(n)
    if entry is None:
        entry = fallback
    await sync_to_async(entry.save)()
