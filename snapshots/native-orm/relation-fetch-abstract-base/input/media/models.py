from django.db import models


class Picture(models.Model):
    url = models.URLField()


class Brand(models.Model):
    name = models.CharField(max_length=80)


class Vendor(models.Model):
    name = models.CharField(max_length=80)
