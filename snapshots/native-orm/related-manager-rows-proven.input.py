"""Catalogue handlers of a Telegram shop bot (Nolucker391 ProductsList.py)."""
from asgiref.sync import sync_to_async
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
    parent = await sync_to_async(lambda: Category.objects.filter(name=parent_name).first())()
    if not parent:
        return []
    sub = await sync_to_async(lambda: parent.subcategories.filter(name=sub_name).first())()
    if not sub:
        return []
    return await sync_to_async(lambda: list(sub.products.order_by("price")))()


async def cheapest_review(category: Category):
    cheapest = await sync_to_async(category.products.order_by("price").first)()
    if cheapest is None:
        return None
    # `review_set`: the default name of Review.product's reverse manager.
    review = await sync_to_async(cheapest.review_set.order_by("-stars").first)()
    return review.stars if review else None
