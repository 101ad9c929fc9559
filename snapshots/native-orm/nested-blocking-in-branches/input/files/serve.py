"""Content handler: blocking lookups defined where they are needed (pulpcore's shape)."""
from asgiref.sync import sync_to_async

import weasyprint

from files.models import Blob


class Server:
    async def load(self, pk, cached):
        if cached is None:

            def _get_blob(pk):
                return Blob.objects.get(pk=pk)

            cached = await sync_to_async(_get_blob)(pk)
        return cached


async def find(path, by_pk):
    if by_pk:

        def get_blob_blocking():
            return Blob.objects.select_related(None).get(pk=path)

        blob = await sync_to_async(get_blob_blocking)()
    else:

        def get_blob_blocking():
            return Blob.objects.get(path=path)

        blob = await sync_to_async(get_blob_blocking)()
    return blob


async def find_or_none(pk):
    try:

        def _load():
            # Raises Blob.DoesNotExist inside the try, as aget() does.
            return Blob.objects.get(pk=pk)

        blob = await sync_to_async(_load)()
    except Blob.DoesNotExist:
        blob = None
    return blob


async def render(path, pdf):
    if pdf:

        def build():
            return weasyprint.HTML(string=path).write_pdf()

        out = await sync_to_async(build)()
    else:

        def build():
            return Blob.objects.filter(path=path).exists()

        out = await sync_to_async(build)()
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

        def _load():
            nonlocal blob
            blob = Blob.objects.get(pk=pk)

        await sync_to_async(_load)()
    return blob
