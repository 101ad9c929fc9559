from asgiref.sync import async_to_sync


async def build_report(report_id: int) -> dict:
    return {"id": report_id}


@async_to_sync
async def build_report_blocking(report_id: int) -> dict:
    return {"id": report_id}
