import json

from shop.services.github_sync import asave_files, asave_pull_request, asave_reviews


async def _process_pr_async(payload):
    pr = await asave_pull_request(payload)
    await asave_files(pr, payload)
    return await asave_reviews(pr, payload)


async def process_pr(raw):
    payload = json.loads(raw)["data"]["repository"]["pullRequest"]
    return await _process_pr_async(payload)
