from functools import cached_property

from django.db import models
from django.utils.text import slugify


def shelter_code(name):
    return name[:3].upper()


class Shelter(models.Model):
    name = models.CharField(max_length=80)


class Cat(models.Model):
    name = models.CharField(max_length=50)
    age = models.IntegerField(default=0)
    shelter = models.ForeignKey(Shelter, on_delete=models.CASCADE)

    @property
    def slug(self):
        return slugify(self.name)

    @cached_property
    def label(self):
        """Shown in the admin list."""
        return f"{self.name.title()} ({self.age} y, shelter {self.shelter_id})"

    @property
    def shelter_name(self):
        return self.shelter.name  # a ForeignKey: a query when not loaded

    @property
    def code(self):
        return shelter_code(self.name)  # a function of the project: not followed
