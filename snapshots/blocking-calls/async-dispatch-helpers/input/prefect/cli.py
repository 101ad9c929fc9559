from prefect.blocks import Deployment, load_document, read_milestones


async def show(name: str) -> None:
    coro = load_document(name)
    print(await coro)


async def show_sync(name: str) -> None:
    # `_sync=True` asks for the sync implementation: it reads the file on the loop.
    print(load_document(name, _sync=True))


async def deploy(deployment: Deployment) -> None:
    apply_coro = deployment.apply(schedules=[])
    print(await apply_coro)
    print(read_milestones("milestones.txt"))
