from django.db import models


class Topology(models.Model):
    label = models.CharField(max_length=64)


class Node(models.Model):
    topology = models.ForeignKey(Topology, on_delete=models.CASCADE)
    label = models.CharField(max_length=64)


class Link(models.Model):
    topology = models.ForeignKey(Topology, on_delete=models.CASCADE)
    source = models.ForeignKey(Node, related_name="source_links", on_delete=models.CASCADE)
    target = models.ForeignKey(Node, related_name="target_links", on_delete=models.CASCADE)
    status = models.CharField(max_length=16, default="up")
