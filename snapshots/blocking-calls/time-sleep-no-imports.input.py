"""A module with no imports but the one inside the function."""


async def tick():
    from time import sleep

    sleep(1)
