from asgiref.sync import sync_to_async
from django.db import models, transaction


class Invoice(models.Model):
    number = models.CharField(max_length=20)

    @transaction.atomic
    def save(self, force_insert=False, force_update=False, using=None, update_fields=None):
        self.number = self.number.upper()
        super().save(force_insert, force_update, using, update_fields)

    def delete(self, *args, **kwargs):
        self.lines.all().delete()
        return super().delete(*args, **kwargs)


class Ticket(models.Model):
    title = models.CharField(max_length=80)

    def save(self, *args, notify=True, **kwargs):
        super().save(*args, **kwargs)
        if notify:
            print("saved", self.pk)

    def refresh_from_db(self, *args, **kwargs):
        # A caller that passes no fields reloads the cache too.
        if "fields" not in kwargs:
            self._cache = None
        super().refresh_from_db(*args, **kwargs)

    asave = sync_to_async(save)
    arefresh_from_db = sync_to_async(refresh_from_db)


class BaseDocument(models.Model):
    body = models.TextField()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)

    asave = sync_to_async(save, thread_sensitive=True)


class Contract(BaseDocument):
    signed = models.BooleanField(default=False)
