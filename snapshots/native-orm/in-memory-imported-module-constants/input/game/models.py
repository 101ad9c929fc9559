from django.db import models

from utils.consts import STATUS


class Player(models.Model):
    tg_id = models.BigIntegerField(unique=True)
    role = models.CharField(max_length=20, blank=True)


class Game(models.Model):
    status = models.CharField(max_length=20, choices=STATUS, default=STATUS[0][0])
    players = models.ManyToManyField(Player, related_name="games")


class Journal(models.Model):
    game = models.ForeignKey(Game, null=True, on_delete=models.CASCADE)
    player = models.ForeignKey(Player, null=True, on_delete=models.CASCADE)
    action = models.CharField(max_length=20, null=True)
