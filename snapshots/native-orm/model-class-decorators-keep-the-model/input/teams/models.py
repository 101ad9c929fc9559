from django.db import models


class Team(models.Model):
    name = models.CharField(max_length=64)


class BaseTeamModel(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE)

    class Meta:
        abstract = True
