from django.db import models


class CountryFilterOptions(models.Model):
    iso3 = models.CharField(max_length=3)
    indicator_id = models.CharField(max_length=20)
    indicator_description = models.TextField()
