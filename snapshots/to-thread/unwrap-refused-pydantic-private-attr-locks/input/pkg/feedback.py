import asyncio

from pkg.memory import Memory


def distill_and_store(mem: Memory, feedback: str) -> None:
    lessons = [line.strip("- ") for line in feedback.split("\n") if line.strip()]
    if lessons:
        mem.remember_many(lessons)


async def learn(mem: Memory, feedback: str) -> None:
    await asyncio.to_thread(distill_and_store, mem, feedback)


async def pending(mem: Memory) -> int:
    return await asyncio.to_thread(mem.recount)
