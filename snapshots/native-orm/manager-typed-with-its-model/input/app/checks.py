from asgiref.sync import sync_to_async

from app.models import Run, RunEnvelope


async def envelope_of(run: Run):
    return await sync_to_async(RunEnvelope.objects.for_run)(run)
