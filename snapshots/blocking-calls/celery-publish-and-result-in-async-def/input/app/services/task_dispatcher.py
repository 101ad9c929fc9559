from app.worker import reindex_document


class CeleryTaskDispatcher:
    async def dispatch_reindex(self, document_id: int) -> None:
        reindex_document.delay(document_id)  # fire and forget
