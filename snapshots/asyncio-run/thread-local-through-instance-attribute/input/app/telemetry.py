from sqlalchemy import text

from app.db import Session


class MetricContext:
    def __init__(self, repo_id: int) -> None:
        self.repo_id = repo_id

    def log_metric(self, name: str) -> None:
        Session.execute(text("insert into metrics values (:n)"), {"n": name})
