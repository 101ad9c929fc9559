from .models import PullRequest, Review


def _process_reviews(pr, reviews):
    for review in reviews:
        Review.objects.update_or_create(pull_request=pr, defaults={"state": review})


async def _aprocess_reviews(pr, reviews):
    for review in reviews:
        await Review.objects.aupdate_or_create(pull_request=pr, defaults={"state": review})


def process_states(pr):
    return list(Review.objects.filter(pull_request=pr).values_list("state", flat=True))


async def aprocess_states(pr):
    return [obj async for obj in Review.objects.filter(pull_request=pr).values_list("state", flat=True)]


async def _touch(pr):
    await PullRequest.objects.filter(pk=pr.pk).aupdate(number=pr.number)


async def _process_pr_async(pr_id, reviews):
    pr = await PullRequest.objects.aget(pk=pr_id)
    await _aprocess_reviews(pr, reviews)
    await _touch(pr)
    return await aprocess_states(pr)
