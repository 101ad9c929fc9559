from asgiref.sync import sync_to_async

from .services import _process_commits, _process_files, _process_reviews


@sync_to_async
def _process_pr_async(pr, data):
    _process_reviews(pr, data["reviews"])
    _process_commits(pr, data["commits"])
    _process_files(pr, data["files"])


async def handle_webhook(pr, data):
    await _process_pr_async(pr, data)
