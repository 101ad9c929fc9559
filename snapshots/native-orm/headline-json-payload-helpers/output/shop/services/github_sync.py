"""Rows of a GraphQL pull-request payload, written with update_or_create."""
from shop.models import PullRequest, PullRequestFile, Review


def save_pull_request(pr_data):
    pr, _ = PullRequest.objects.update_or_create(
        number=pr_data["number"],
        defaults={"title": pr_data.get("title", ""), "state": pr_data.get("state")},
    )
    return pr


async def asave_pull_request(pr_data):
    pr, _ = await PullRequest.objects.aupdate_or_create(
        number=pr_data["number"],
        defaults={"title": pr_data.get("title", ""), "state": pr_data.get("state")},
    )
    return pr


def save_files(pr, payload):
    for file_data in payload.get("files", {}).get("nodes", []):
        PullRequestFile.objects.update_or_create(
            pull_request=pr,
            path=file_data.get("path"),
            defaults={"additions": int(file_data.get("additions") or 0)},
        )


async def asave_files(pr, payload):
    for file_data in payload.get("files", {}).get("nodes", []):
        await PullRequestFile.objects.aupdate_or_create(
            pull_request=pr,
            path=file_data.get("path"),
            defaults={"additions": int(file_data.get("additions") or 0)},
        )


def save_reviews(pr, payload):
    count = 0
    for review in payload["reviews"]["nodes"]:
        author = (review.get("author") or {}).get("login", "ghost")
        Review.objects.update_or_create(
            pull_request=pr, author=author, defaults={"state": review["state"]}
        )
        count += 1
    return count


async def asave_reviews(pr, payload):
    count = 0
    for review in payload["reviews"]["nodes"]:
        author = (review.get("author") or {}).get("login", "ghost")
        await Review.objects.aupdate_or_create(
            pull_request=pr, author=author, defaults={"state": review["state"]}
        )
        count += 1
    return count
