"""Content handler: blocking lookups defined where they are needed (pulpcore's shape)."""
from asgiref.sync import sync_to_async

import weasyprint

from files.models import Blob


class Server:
    async def load(self, pk, cached):
        if cached is None:

            async def _get_blob(pk):
                return await Blob.objects.aget(pk=pk)

            cached = await _get_blob(pk)
        return cached


async def find(path, by_pk):
    if by_pk:

        async def get_blob_blocking():
            return await Blob.objects.select_related(None).aget(pk=path)

        blob = await get_blob_blocking()
    else:

        async def get_blob_blocking():
            return await Blob.objects.aget(path=path)

        blob = await get_blob_blocking()
    return blob


async def find_or_none(pk):
    try:

        async def _load():
            # Raises Blob.DoesNotExist inside the try, as aget() does.
            return await Blob.objects.aget(pk=pk)

        blob = await _load()
    except Blob.DoesNotExist:
        blob = None
    return blob


async def render(path, pdf):
    if pdf:

        def build():
            return weasyprint.HTML(string=path).write_pdf()

        out = await sync_to_async(build)()
    else:

        async def build():
            return await Blob.objects.filter(path=path).aexists()

        out = await build()
    return out


async def after_branches(path, by_pk):
    if by_pk:

        def load():
            return Blob.objects.get(pk=path)

    else:

        def load():
            return Blob.objects.get(path=path)

    return await sync_to_async(load)()


async def sizes(pks):
    def fetch():
        return Blob.objects.first()

    found = []
    for pk in pks:
        found.append(await sync_to_async(fetch)())

        def fetch():
            return Blob.objects.get(pk=pk)

    return found


async def remember(pk):
    blob = None
    if pk:

        async def _load():
            nonlocal blob
            blob = await Blob.objects.aget(pk=pk)

        await _load()
    return blob
