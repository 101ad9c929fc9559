import asyncio
from typing import AsyncIterator, Iterator


async def async_generator_to_list(generator: AsyncIterator) -> list:
    return [item async for item in generator]


def to_sync_generator(generator: AsyncIterator, stream: bool = True) -> Iterator:
    if not stream:
        yield from asyncio.run(async_generator_to_list(generator))
        return
    loop = asyncio.new_event_loop()
    gen = generator.__aiter__()
    try:
        while True:
            yield loop.run_until_complete(gen.__anext__())
    except StopAsyncIteration:
        pass
    finally:
        loop.close()
