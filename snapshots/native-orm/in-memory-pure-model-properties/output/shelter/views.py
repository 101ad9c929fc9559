from asgiref.sync import sync_to_async

from shelter.models import Cat


async def delete_cat(slug):
    async for cat in Cat.objects.all():
        if cat.slug == slug:
            await cat.adelete()


async def labels():
    return [cat.label.upper() async for cat in Cat.objects.filter(age__gte=1)]


@sync_to_async
def shelter_names():
    return [cat.shelter_name for cat in Cat.objects.all()]


@sync_to_async
def codes():
    return {cat.code: cat.pk for cat in Cat.objects.all()}
