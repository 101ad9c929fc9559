from pathlib import Path

from prefect.dispatch import async_dispatch


async def aload_document(name: str) -> str:
    return name


@async_dispatch(aload_document)
def load_document(name: str) -> str:
    return Path(name).read_text()


class Deployment:
    def __init__(self, name: str, path: str):
        self.name = name
        self.path = path

    async def aapply(self, schedules=None) -> str:
        return self.name

    @async_dispatch(aapply)
    def apply(self, schedules=None) -> str:
        # The sync door writes the deployment file on the calling thread.
        Path(self.path).write_text(self.name)
        return self.name


def read_milestones(path: str) -> str:
    # No dispatch: blocks wherever it is called.
    return Path(path).read_text()
