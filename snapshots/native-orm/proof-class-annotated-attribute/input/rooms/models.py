from django.db import models


class Node(models.Model):
    domain = models.CharField(max_length=100)


class Room(models.Model):
    node = models.ForeignKey(Node, on_delete=models.CASCADE)
    name = models.CharField(max_length=100)


class Secret(models.Model):
    key = models.CharField(max_length=64)


class UsageReport(models.Model):
    secret = models.ForeignKey(Secret, on_delete=models.CASCADE)
    body = models.TextField()
