from app.base import BaseCodecovTask
from app.telemetry import MetricContext


class LabelAnalysisTask(BaseCodecovTask):
    metrics_context: MetricContext = None

    async def run_async(self, db_session, repoid: int) -> None:
        self.metrics_context = MetricContext(repo_id=repoid)
        self.metrics_context.attempt_log_simple_metric("labels", 1.0)
