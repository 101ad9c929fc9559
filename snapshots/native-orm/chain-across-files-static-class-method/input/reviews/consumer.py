from asgiref.sync import sync_to_async

from .service import ReviewService


@sync_to_async
def close_and_count(pr):
    ReviewService.close_all(pr)
    return ReviewService.count_open(pr)
