from django.conf import settings
from django.db import models


class Token(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)


class VectorStore(models.Model):
    token = models.ForeignKey(Token, on_delete=models.CASCADE, related_name="vector_stores")
    remote_id = models.CharField(max_length=200, unique=True)
