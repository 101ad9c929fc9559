from django.db import models


class Guild(models.Model):
    name = models.CharField(max_length=50)


class Channel(models.Model):
    name = models.CharField(max_length=50)
    guild = models.ForeignKey(Guild, on_delete=models.CASCADE, null=True)


class Role(models.Model):
    name = models.CharField(max_length=50)
