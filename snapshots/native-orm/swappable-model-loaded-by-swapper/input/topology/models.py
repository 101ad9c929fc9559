import swapper
from django.db import models


class AbstractNode(models.Model):
    label = models.CharField(max_length=64)
    topology = models.ForeignKey("topology.Topology", on_delete=models.CASCADE)

    class Meta:
        abstract = True


class Topology(models.Model):
    label = models.CharField(max_length=64)

    class Meta:
        swappable = swapper.swappable_setting("topology", "Topology")


class Node(AbstractNode):
    class Meta:
        swappable = swapper.swappable_setting("topology", "Node")
