from asgiref.sync import sync_to_async

from reviews import services
from reviews.services import _process_commits


@sync_to_async
def files_view_work(pr, data):
    services._process_files(pr, data)


async def commits_view(request, pr):
    await sync_to_async(_process_commits)(pr, request.POST["commits"])
