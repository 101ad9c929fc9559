from asgiref.sync import sync_to_async
from celery import shared_task

from .models import ChangedFile


def process_files(pr, files):
    for changed in files:
        ChangedFile.objects.create(pull_request=pr, path=changed)


async def aprocess_files(pr, files):
    # Hand-written long ago: the name a twin would take.
    return None


@sync_to_async
def store(pr, files):
    process_files(pr, files)


@shared_task
def store_later(pr, files):
    process_files(pr, files)
