import asyncio

import modal

from cognee.infrastructure.vector_engine import get_vector_engine

app = modal.App("distributed_cognee")


@app.function(retries=3, timeout=86400, max_containers=10)
async def data_point_saving_worker(queue: asyncio.Queue) -> bool:
    print("Started processing of data points; starting vector engine queue.")
    vector_engine = await get_vector_engine()
    stop_seen = False

    while True:
        if stop_seen:
            return True
        if queue.qsize() != 0:
            batch = await queue.get()
            if batch is None:
                stop_seen = True
                continue
            for collection, points in batch.items():

                async def add_data_points():
                    await vector_engine.create_data_points(collection, points)

                await add_data_points()
        else:
            await asyncio.sleep(5)


async def warm_up() -> None:
    # Awaited inside the closure: handed on, not misread.
    pending = get_vector_engine()

    async def wait_for_engine():
        return await pending

    await wait_for_engine()
