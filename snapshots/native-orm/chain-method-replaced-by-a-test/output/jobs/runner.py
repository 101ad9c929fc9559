from jobs.models import Job


class Runner:
    async def finish(self, job_id: int) -> None:
        await self.amark_done(job_id)

    async def fail(self, job_id: int) -> None:
        await self.amark_failed(job_id)

    def mark_done(self, job_id: int) -> None:
        Job.objects.filter(id=job_id).update(done=True)

    async def amark_done(self, job_id: int) -> None:
        await Job.objects.filter(id=job_id).aupdate(done=True)

    def mark_failed(self, job_id: int) -> None:
        Job.objects.filter(id=job_id).update(failed=True)

    async def amark_failed(self, job_id: int) -> None:
        await Job.objects.filter(id=job_id).aupdate(failed=True)
