import shutil
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from artemis.models import Analysis


class DB:
    def __init__(self, url: str = "postgresql://localhost/artemis") -> None:
        self._engine = create_engine(url, pool_pre_ping=True)
        self.session = sessionmaker(bind=self._engine)

    def list_analysis(self) -> list[dict[str, Any]]:
        with self.session() as session:
            return [item.__dict__ for item in session.query(Analysis).all()]

    def delete_analysis(self, analysis_id: str) -> None:
        self._delete_rows(analysis_id)

    def _delete_rows(self, analysis_id: str) -> None:
        with self.session() as session:
            session.query(Analysis).filter(Analysis.id == analysis_id).delete()
            session.commit()

    def remove_reports(self, analysis_id: str) -> None:
        shutil.rmtree(f"/data/reports/{analysis_id}", ignore_errors=True)

    def describe(self) -> str:
        # Builds a string: nothing to say.
        return f"DB({self._engine.url})"

    async def ping(self) -> bool:
        return True

    def list_tags(self) -> list[str]:
        with self.session() as session:
            return [row.target for row in session.query(Analysis).distinct()]


db = DB()
