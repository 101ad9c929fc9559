from .models import Commit, File, Review


def _process_reviews(pr, reviews):
    for review in reviews:
        Review.objects.update_or_create(
            pull_request=pr,
            external_id=review["id"],  # GitHub's id, not ours
            defaults={"state": review["state"]},
        )


async def _aprocess_reviews(pr, reviews):
    for review in reviews:
        await Review.objects.aupdate_or_create(
            pull_request=pr,
            external_id=review["id"],  # GitHub's id, not ours
            defaults={"state": review["state"]},
        )


def _process_commits(pr, commits):
    for commit in commits:
        Commit.objects.update_or_create(pull_request=pr, sha=commit["sha"])


async def _aprocess_commits(pr, commits):
    for commit in commits:
        await Commit.objects.aupdate_or_create(pull_request=pr, sha=commit["sha"])


def _process_files(pr, files):
    for name in files:
        File.objects.update_or_create(pull_request=pr, name=name)


async def _aprocess_files(pr, files):
    for name in files:
        await File.objects.aupdate_or_create(pull_request=pr, name=name)
