"""GraphQL payload rows written by @sync_to_async wrappers: the payload is proven a mapping by use."""
from asgiref.sync import sync_to_async

from .models import PullRequest, PullRequestFile, Review


@sync_to_async
def save_pull_request(pr_data):
    pr, _created = PullRequest.objects.update_or_create(
        number=pr_data["number"],
        defaults={
            "title": pr_data.get("title", ""),  # a default: still a string key
            "state": pr_data.get("state"),
        },
    )
    return pr


@sync_to_async
def save_files(pr, payload):
    labels = payload.setdefault("labels", [])
    cursor = payload.pop("cursor", None)
    for file_data in payload.get("files", {}).get("nodes", []):
        PullRequestFile.objects.update_or_create(
            pull_request=pr,
            path=file_data.get("path").strip(),
            defaults={"additions": int(file_data.get("additions") or 0), "labels": len(labels)},
        )
    return cursor


@sync_to_async
def save_reviews(pr, payload):
    count = 0
    if "reviews" not in payload:
        return count
    for review in payload["reviews"]["nodes"]:
        author = (review.get("author") or {}).get("login", "ghost")
        Review.objects.update_or_create(
            pull_request=pr, author=author.lower(), defaults={"state": review["state"]}
        )
        count += 1
    return count
