from app.models import Run, RunEnvelope


async def envelope_of(run: Run):
    return await RunEnvelope.objects.afor_run(run)
