from pkg.aggregators.llm_response import LLMUserResponseAggregator, StreamingAggregator


class UserResponseAggregator(LLMUserResponseAggregator):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    async def push_aggregation(self):
        if len(self._aggregation) > 0:
            frame = self._aggregation.strip()
            self._aggregation = ""
            await self.push_frame(frame)

            # Reset our accumulator state.
            self.reset()


class TranscriptAggregator(StreamingAggregator):
    async def push_transcript(self):
        self.frames()
        self.flush()
