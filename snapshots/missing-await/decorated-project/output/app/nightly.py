from app.tasks import prune, refresh_rates, rotate


async def nightly():
    refresh_rates()
    prune()
    await rotate()
