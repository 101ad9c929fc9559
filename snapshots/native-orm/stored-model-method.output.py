from asgiref.sync import sync_to_async
from django.db import models


class Club(models.Model):
    name = models.CharField(max_length=40)

    def save(self, *args, **kwargs):
        self.name = self.name.strip()
        super().save(*args, **kwargs)

    # Written before Django had Model.asave().
    adelete_later = sync_to_async(models.Model.delete)


class Report:
    def save(self):
        return "saved"

    asave = sync_to_async(save)
