from asgiref.sync import async_to_sync
from celery import shared_task

from shop.services import pr_service
from shop.services.github_sync import save_pull_request


@shared_task
def sync_pull_request(raw):
    return async_to_sync(pr_service.process_pr)(raw)


@shared_task
def touch_pull_request(pr_data):
    return save_pull_request(pr_data).pk
