from django.db import models


class Team(models.Model):
    name = models.CharField(max_length=50)


class Experiment(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE)
    title = models.CharField(max_length=50)
