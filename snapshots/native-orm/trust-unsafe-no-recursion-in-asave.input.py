from asgiref.sync import sync_to_async
from django.db import models


class Document(models.Model):
    title = models.CharField(max_length=200)

    async def asave(self, *args, **kwargs):
        # Django < 4.2 had no asave: this one runs save() in a thread; never `self.asave()`
        return await sync_to_async(self.save)(*args, **kwargs)

    async def arefresh_from_db(self, using=None, fields=None):
        await sync_to_async(self.refresh_from_db)(
            using=using,  # the database alias
            fields=fields,
        )

    async def publish(self):
        self.title = self.title.strip()
        await sync_to_async(self.save)(update_fields=["title"])
