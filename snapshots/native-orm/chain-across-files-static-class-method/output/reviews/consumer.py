from .service import ReviewService


async def close_and_count(pr):
    await ReviewService.aclose_all(pr)
    return await ReviewService.acount_open(pr)
