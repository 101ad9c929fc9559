from .clients import fetch


async def refresh(a):
    value = await fetch(
        a,
        "ü",
    )
    return value
