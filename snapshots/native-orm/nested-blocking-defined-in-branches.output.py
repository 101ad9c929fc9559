from files.models import Blob


async def find(path, by_pk):
    if by_pk:

        async def get_blob_blocking():
            return await Blob.objects.aget(pk=path)

        blob = await get_blob_blocking()
    else:

        async def get_blob_blocking():
            return await Blob.objects.aget(path=path)

        blob = await get_blob_blocking()
    return blob
