from django.conf import settings
from django.db import models


class Organization(models.Model):
    is_active = models.BooleanField(default=True)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    session = models.ForeignKey("Visit", null=True, on_delete=models.SET_NULL)
    visit_key = models.CharField(max_length=40, blank=True)


class Visit(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
