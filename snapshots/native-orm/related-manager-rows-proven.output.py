"""Catalogue handlers of a Telegram shop bot (Nolucker391 ProductsList.py)."""
from django.db import models


class Category(models.Model):
    name = models.CharField(max_length=100)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="subcategories"
    )


class Product(models.Model):
    title = models.CharField(max_length=100)
    price = models.IntegerField()
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="products")


class Review(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    stars = models.PositiveSmallIntegerField()


async def subcategory_products(parent_name: str, sub_name: str):
    parent = await Category.objects.filter(name=parent_name).afirst()
    if not parent:
        return []
    sub = await parent.subcategories.filter(name=sub_name).afirst()
    if not sub:
        return []
    return [obj async for obj in sub.products.order_by("price")]


async def cheapest_review(category: Category):
    cheapest = await category.products.order_by("price").afirst()
    if cheapest is None:
        return None
    # `review_set`: the default name of Review.product's reverse manager.
    review = await cheapest.review_set.order_by("-stars").afirst()
    return review.stars if review else None
