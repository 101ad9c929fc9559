from asgiref.sync import sync_to_async

from jobs.models import Job


class Runner:
    async def finish(self, job_id: int) -> None:
        await sync_to_async(self.mark_done)(job_id)

    async def fail(self, job_id: int) -> None:
        await sync_to_async(self.mark_failed)(job_id)

    def mark_done(self, job_id: int) -> None:
        Job.objects.filter(id=job_id).update(done=True)

    def mark_failed(self, job_id: int) -> None:
        Job.objects.filter(id=job_id).update(failed=True)
