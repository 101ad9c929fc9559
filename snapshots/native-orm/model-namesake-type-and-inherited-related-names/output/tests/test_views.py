import pytest

from core.models import Image, LabelView, RGBRenderContext, RGBView


@pytest.mark.django_db(transaction=True)
async def test_views_of_an_image():
    image = await Image.objects.acreate(name="Mikroskopie – Ω")
    context = await RGBRenderContext.objects.acreate(name="Ctx", image=image)
    view = await RGBView.objects.acreate(image=image, gamma=1.0)
    await LabelView.objects.acreate(image=image, label="cells")
    await view.contexts.aadd(context)
    view_ids = [obj async for obj in context.views.values_list("id", flat=True)]
    assert view_ids == [view.id]
    assert await image.rgb_views.acount() == 1
    assert await image.labelviews.acount() == 1
