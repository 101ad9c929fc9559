from django.db import models


class Reader(models.Model):
    card = models.CharField(max_length=20)


class Book(models.Model):
    isbn = models.CharField(max_length=13)
    borrowers = models.ManyToManyField(Reader, related_name="books")
    sequels = models.ManyToManyField("self", symmetrical=False)
