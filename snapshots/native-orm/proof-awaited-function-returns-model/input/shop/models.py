from django.db import models
class Shop(models.Model):
    name = models.CharField(max_length=50)
class Shelf(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="shelves")
    slug = models.SlugField()
