from app.base import BaseTask
from app.telemetry import MetricContext


class CountTask(BaseTask):
    metrics: MetricContext = None

    async def run_async(self, repo_id: int) -> None:
        self.metrics = MetricContext(repo_id)
        self.metrics.log_metric("count")
