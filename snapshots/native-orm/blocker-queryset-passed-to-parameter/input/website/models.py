from django.db import models


class Blocked(models.Model):
    address = models.GenericIPAddressField(null=True)
    ip_network = models.CharField(max_length=64, null=True)
    user_agent_string = models.CharField(max_length=255, null=True)
    count = models.IntegerField(default=0)
