from django.db import models


class TodoItem(models.Model):
    done = models.BooleanField()
    text = models.CharField(max_length=1000)


class RelationalChild(models.Model):
    text = models.CharField(max_length=1000)


class RelationalParent(models.Model):
    done = models.BooleanField(default=True)
    many_to_many = models.ManyToManyField(RelationalChild, related_name="many_to_many")
