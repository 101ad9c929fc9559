from tasks.models import ProgressReport


async def run(items):
    pb = await ProgressReport.objects.acreate(message="Downloading", total=len(items))
    for _item in items:
        await pb.aincrement()
    await pb.aincrease_by(0)
