from celery import Celery, shared_task

celery_app = Celery("scanapi", broker="redis://redis:6379/0", backend="redis://redis:6379/1")


@celery_app.task(bind=True, max_retries=3)
def analyse(self, url: str, *, depth: int = 1) -> dict:
    return {"url": url, "depth": depth}


@shared_task
def reindex_document(document_id: int) -> None:
    print("reindexing", document_id)


def not_a_task(url: str) -> str:
    return url
