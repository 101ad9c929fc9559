import httpx
from asgiref.sync import async_to_sync

from .celery import app
from .clients import push_order


@app.task(bind=True, max_retries=3)
def export_order(self, order_id):
    try:
        return async_to_sync(push_order)(order_id, priority=self.request.retries > 0)
    except httpx.HTTPError as exc:
        raise self.retry(exc=exc)
