from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)
    stock = models.IntegerField(default=0)
    reserved = models.IntegerField(default=0)


class StockLog(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    delta = models.IntegerField()
