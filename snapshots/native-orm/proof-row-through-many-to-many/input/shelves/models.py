from django.db import models


class Shelf(models.Model):
    code = models.CharField(max_length=10)
    books = models.ManyToManyField("library.Book", related_name="shelves")
