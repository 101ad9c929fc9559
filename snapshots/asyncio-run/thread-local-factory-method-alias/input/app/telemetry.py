import asyncio

from app.db import get_db_session


def fire_and_forget(fn):
    """Schedules the coroutine on the running loop and returns at once."""

    def wrapper(*args, **kwargs):
        asyncio.create_task(fn(*args, **kwargs))

    return wrapper


class MetricContext:
    def __init__(self, repo_id: int) -> None:
        self.repo_id = repo_id
        self.owner_id = None

    def populate(self) -> None:
        dbsession = get_db_session()
        self.owner_id = dbsession.execute("select ownerid from repos").scalar()

    def log_simple_metric(self, name: str, value: float) -> None:
        self.populate()

    @fire_and_forget
    async def attempt_log_simple_metric(self, name: str, value: float) -> None:
        self.log_simple_metric(name, value)


def log_count(repo_id: int) -> None:
    MetricContext(repo_id).log_simple_metric("count", 1.0)
