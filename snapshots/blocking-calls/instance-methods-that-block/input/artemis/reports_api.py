from artemis.services import Reports

reports = Reports()


async def latest() -> str:
    return reports.read_latest()
