from asgiref.sync import sync_to_async

from tags.models import Tag


async def find_tag(version, name):
    # The outer wrapper converts; the one in its arguments is a site of its own.
    return await Tag.objects.select_related("manifest").aget(
        pk__in=await sync_to_async(version.content_ids)(),
        name=name,
    )


async def tag_count(version):
    return await Tag.objects.filter(pk__in=version.ids).acount()
