from sqlalchemy import text

from app.db import Session


class MetricContext:
    def __init__(self, repo_id: int) -> None:
        self.repo_id = repo_id

    def log_metric(self, name: str) -> None:
        self.populate()
        self._write(name)

    def populate(self) -> None:
        self.owner = None

    def _write(self, name: str) -> None:
        Session.execute(text("insert into metrics values (:n)"), {"n": name})
