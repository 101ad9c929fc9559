"""Pull request sync: the wrapper calls helpers of this module that do the ORM work."""
from asgiref.sync import sync_to_async
from celery import shared_task

from .models import ChangedFile, Commit, PullRequest, Review


def _process_reviews(pr, reviews):
    for review in reviews:
        Review.objects.update_or_create(
            pull_request=pr,
            external_id=review["id"],  # GitHub's id — « identifiant »
            defaults={"state": review["state"]},
        )


def _process_commits(pr, commits):
    for commit in commits:
        Commit.objects.update_or_create(
            pull_request=pr, sha=commit["sha"], defaults={"message": commit["message"]}
        )


def _process_files(pr, files):
    for changed in files:
        ChangedFile.objects.update_or_create(
            pull_request=pr,
            path=changed["filename"],
            defaults={"additions": changed["additions"]},
        )
    return len(files)  # rows seen


@sync_to_async
def _process_pr_async(pr_id, payload):
    pr = PullRequest.objects.get(pk=pr_id)
    _process_reviews(pr, payload["reviews"])
    _process_commits(pr, payload["commits"])
    return _process_files(pr, payload["files"])


@shared_task
def resync_files(pr_id, files):
    # A sync caller: it keeps calling the sync function.
    pr = PullRequest.objects.get(pk=pr_id)
    return _process_files(pr, files)
