from asgiref.sync import sync_to_async

from app.models import SearchQuery

MAX_REQUESTS_PER_DAY = 10


async def get_requests_today_remaining(user_id: int) -> int:
    today_requests: list = [obj async for obj in SearchQuery.objects.today(user_id=user_id)]
    return MAX_REQUESTS_PER_DAY - len(today_requests)


async def get_requests_on(user_id: int, moment) -> list:
    # `moment` may be anything with a date(): on_day() is no plain queryset step
    return await sync_to_async(list)(SearchQuery.objects.on_day(moment, user_id=user_id))
