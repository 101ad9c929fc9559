from celery import shared_task

from .models import PullRequest
from .services import _process_files


@shared_task
def refresh_files(pr_id, files):
    pr = PullRequest.objects.get(pk=pr_id)
    _process_files(pr, files)
