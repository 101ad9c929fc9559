import asyncio
from abc import ABC, abstractmethod


class BasePipeline(ABC):
    @abstractmethod
    def run(self, config=None):
        pass

    async def arun(self, config=None):
        # What runs is a subclass's `run`: the indexing one takes a lock.
        return await asyncio.to_thread(self.run, config)

    def describe(self) -> str:
        return type(self).__name__

    async def adescribe(self) -> str:
        return await asyncio.to_thread(self.describe)
