from django.db import models


class Player(models.Model):
    name = models.CharField(max_length=50)
    coins = models.IntegerField(default=0)


class Member(models.Model):
    discord_id = models.CharField(max_length=30)
    player = models.OneToOneField(Player, on_delete=models.CASCADE, related_name="member")
    mentor = models.ForeignKey("self", null=True, on_delete=models.SET_NULL)
