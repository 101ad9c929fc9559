from asgiref.sync import sync_to_async
from django.utils import timezone


class CrawlService:
    def __init__(self, crawl_id: str) -> None:
        self.crawl_id = crawl_id

    async def on_cleanup(self) -> None:
        from crawls.models import Crawl

        crawl = await Crawl.objects.aget(id=self.crawl_id)
        is_finished = await crawl.ais_finished()
        if is_finished:
            crawl.status = Crawl.StatusChoices.SEALED
            crawl.retry_at = None
        else:
            crawl.retry_at = timezone.now()
        await crawl.asave(update_fields=["status", "retry_at"])

    async def on_completed(self) -> bool:
        from crawls.models import Crawl

        crawl = await Crawl.objects.aget(id=self.crawl_id)
        return await crawl.ais_finished()

    async def notify(self) -> str:
        from crawls.models import Crawl

        crawl = await Crawl.objects.aget(id=self.crawl_id)
        return await sync_to_async(crawl.owner_email)()

    async def seal(self) -> int:
        from crawls.models import Crawl

        crawl = await Crawl.objects.aget(id=self.crawl_id)
        return await sync_to_async(crawl.seal_all)()
