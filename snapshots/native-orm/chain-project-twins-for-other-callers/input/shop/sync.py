from asgiref.sync import sync_to_async

from .models import PullRequest, Review


def _process_reviews(pr, reviews):
    for review in reviews:
        Review.objects.update_or_create(pull_request=pr, defaults={"state": review})


def process_states(pr):
    return list(Review.objects.filter(pull_request=pr).values_list("state", flat=True))


def _touch(pr):
    PullRequest.objects.filter(pk=pr.pk).update(number=pr.number)


@sync_to_async
def _process_pr_async(pr_id, reviews):
    pr = PullRequest.objects.get(pk=pr_id)
    _process_reviews(pr, reviews)
    _touch(pr)
    return process_states(pr)
