from .services import _aprocess_commits, _aprocess_files, _aprocess_reviews


async def _process_pr_async(pr, data):
    await _aprocess_reviews(pr, data["reviews"])
    await _aprocess_commits(pr, data["commits"])
    await _aprocess_files(pr, data["files"])


async def handle_webhook(pr, data):
    await _process_pr_async(pr, data)
