import asyncio
import json


def render(a: int, b: int) -> str:
    return json.dumps([a, b])


async def view(a: int, b: int) -> dict:
    return dict(
        body=await asyncio.to_thread(
            render,
            a,
            b,
        )
    )


async def view2(a: int, b: int) -> dict:
    return dict(body=await asyncio.to_thread(
        render,
        a,
        b,
    ))
