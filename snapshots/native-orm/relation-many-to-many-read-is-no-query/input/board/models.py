from django.db import models


class Worker(models.Model):
    name = models.CharField(max_length=60)


class Option(models.Model):
    label = models.CharField(max_length=40)


class Poll(models.Model):
    question = models.CharField(max_length=200)
    options = models.ManyToManyField(Option, related_name="polls")


class Post(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE)


class Order(models.Model):
    title = models.CharField(max_length=80)
    candidates = models.ManyToManyField(Worker, blank=True)


class Note(models.Model):
    order = models.ForeignKey(Order, related_name="notes", on_delete=models.CASCADE)
    text = models.TextField()
