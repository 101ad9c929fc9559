"""Image views of a microscopy server (mikro-server-next core/models/view.py)."""
from asgiref.sync import sync_to_async
from django.db import models


class Image(models.Model):
    name = models.CharField(max_length=200)


class RGBView(models.Model):
    image = models.ForeignKey(Image, on_delete=models.CASCADE)
    active = models.BooleanField(default=True)

    class Meta:
        default_related_name = "rgb_views"


async def activate_views(image_id: int) -> int:
    image = await Image.objects.aget(pk=image_id)
    return await sync_to_async(image.rgb_views.update)(active=True)
