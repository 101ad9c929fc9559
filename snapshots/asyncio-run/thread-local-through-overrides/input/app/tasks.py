from app.base import BaseTask
from app.db import record_metric


class CountTask(BaseTask):
    async def run_async(self, name: str) -> None:
        record_metric(name)
