from asgiref.sync import sync_to_async
from django.db import models


class Crawl(models.Model):
    label = models.CharField(max_length=100)

    def pending_count(self) -> int:
        return self.pages.filter(status="queued").count()


class Page(models.Model):
    crawl = models.ForeignKey(Crawl, on_delete=models.CASCADE, related_name="pages")
    status = models.CharField(max_length=20)


class Schedule(models.Model):
    crawl = models.ForeignKey(Crawl, on_delete=models.CASCADE)
    every = models.DurationField()

    async def is_due(self, crawl_id: int) -> bool:
        crawl = await Crawl.objects.aget(pk=crawl_id)
        # Nothing left to do: the schedule may fire again.
        return await sync_to_async(crawl.pending_count)() == 0
