import asyncio


async def pull_rates():
    ...


def refresh_rates():
    asyncio.run(pull_rates())


def refresh_quietly():
    asyncio.run(pull_rates())


def refresh_twice():
    asyncio.run(pull_rates())
