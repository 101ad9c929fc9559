from asgiref.sync import sync_to_async

from catalog.models import Product


async def product_list(request):
    category = request.GET.get("category")
    products = await sync_to_async(list)(
        Product.objects.filter(category=category).order_by("name")
    )
    cheap = await sync_to_async(lambda: list(Product.objects.filter(price__lt=10)))()
    obj = "the name obj is taken in this function"
    names = await sync_to_async(list)(Product.objects.values_list("name", flat=True))
    return products, cheap, names, obj
