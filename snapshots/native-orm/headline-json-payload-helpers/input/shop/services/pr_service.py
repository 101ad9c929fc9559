import json

from asgiref.sync import sync_to_async

from shop.services.github_sync import save_files, save_pull_request, save_reviews


@sync_to_async
def _process_pr_async(payload):
    pr = save_pull_request(payload)
    save_files(pr, payload)
    return save_reviews(pr, payload)


async def process_pr(raw):
    payload = json.loads(raw)["data"]["repository"]["pullRequest"]
    return await _process_pr_async(payload)
