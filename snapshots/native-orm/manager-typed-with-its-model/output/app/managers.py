from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from app.models import Run, RunEnvelope


# Typed with its model for the type checker: still a manager class of the project.
class RunEnvelopeManager(models.Manager["RunEnvelope"]):
    def for_run(self, run: Run) -> RunEnvelope | None:
        return self.filter(run=run).first()

    async def afor_run(self, run: Run) -> RunEnvelope | None:
        return await self.filter(run=run).afirst()
