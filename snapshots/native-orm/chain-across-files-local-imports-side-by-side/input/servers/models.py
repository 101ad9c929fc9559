from django.db import models


class MCPServer(models.Model):
    name = models.CharField(max_length=100)
    disabled = models.BooleanField(default=False)
