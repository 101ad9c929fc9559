from reviews import services
from reviews.services import _aprocess_commits


async def files_view_work(pr, data):
    await services._aprocess_files(pr, data)


async def commits_view(request, pr):
    await _aprocess_commits(pr, request.POST["commits"])
