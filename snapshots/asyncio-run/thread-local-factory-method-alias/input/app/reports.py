import asyncio

from app.telemetry import log_count


async def collect(repo_id: int) -> None:
    log_count(repo_id)


def send_report(repo_id: int) -> None:
    # Run from cron, outside any event loop.
    asyncio.run(collect(repo_id))
