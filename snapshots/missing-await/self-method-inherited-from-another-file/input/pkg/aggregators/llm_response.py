import asyncio
from abc import abstractmethod


class FrameProcessor:
    async def push_frame(self, frame):
        await asyncio.sleep(0)


class BaseLLMResponseAggregator(FrameProcessor):
    @abstractmethod
    async def reset(self):
        pass


class LLMContextResponseAggregator(BaseLLMResponseAggregator):
    def __init__(self, **kwargs):
        self._aggregation = ""

    async def reset(self):
        self._aggregation = ""


class LLMUserContextAggregator(LLMContextResponseAggregator):
    async def reset(self):
        await super().reset()
        self._seen_interim_results = False


class LLMUserResponseAggregator(LLMUserContextAggregator):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)


class StreamingAggregator(FrameProcessor):
    async def frames(self):
        # An async generator: calling it makes an iterator, which is not awaited.
        yield "frame"

    def flush(self):
        self._aggregation = ""
