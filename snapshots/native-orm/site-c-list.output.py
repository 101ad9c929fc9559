from catalog.models import Product


async def product_list(request):
    category = request.GET.get("category")
    products = [item async for item in Product.objects.filter(category=category).order_by("name")]
    cheap = [item async for item in Product.objects.filter(price__lt=10)]
    obj = "the name obj is taken in this function"
    names = [item async for item in Product.objects.values_list("name", flat=True)]
    return products, cheap, names, obj
