from asgiref.sync import sync_to_async

from files.models import Blob


async def find(path, by_pk):
    if by_pk:

        def get_blob_blocking():
            return Blob.objects.get(pk=path)

        blob = await sync_to_async(get_blob_blocking)()
    else:

        def get_blob_blocking():
            return Blob.objects.get(path=path)

        blob = await sync_to_async(get_blob_blocking)()
    return blob
