import pytest
from asgiref.sync import sync_to_async

from core.models import Image, LabelView, RGBRenderContext, RGBView


@pytest.mark.django_db(transaction=True)
async def test_views_of_an_image():
    image = await Image.objects.acreate(name="Mikroskopie – Ω")
    context = await RGBRenderContext.objects.acreate(name="Ctx", image=image)
    view = await RGBView.objects.acreate(image=image, gamma=1.0)
    await LabelView.objects.acreate(image=image, label="cells")
    await sync_to_async(view.contexts.add)(context)
    view_ids = await sync_to_async(
        lambda: list(context.views.values_list("id", flat=True))
    )()
    assert view_ids == [view.id]
    assert await sync_to_async(image.rgb_views.count)() == 1
    assert await sync_to_async(image.labelviews.count)() == 1
