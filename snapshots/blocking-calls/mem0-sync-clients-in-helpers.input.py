from typing import Any, Dict, List, Optional

from loguru import logger

from pipecat.frames.frames import Frame, LLMContextFrame
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

try:
    from mem0 import Memory, MemoryClient  # noqa: F401
except ModuleNotFoundError as e:
    logger.error(f"Exception: {e}")
    logger.error("In order to use Mem0, you need to `pip install pipecat-ai[mem0]`.")
    raise Exception(f"Missing module: {e}")


class Mem0MemoryService(FrameProcessor):
    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        local_config: Optional[Dict[str, Any]] = None,
        user_id: Optional[str] = None,
        search_limit: int = 10,
    ):
        super().__init__()
        if local_config:
            self.memory_client = Memory.from_config(local_config)
        else:
            self.memory_client = MemoryClient(api_key=api_key)
        self.user_id = user_id
        self.search_limit = search_limit

    def _store_messages(self, messages: List[Dict[str, Any]]):
        try:
            # Note: You can run this in background to avoid blocking the conversation
            self.memory_client.add(messages=messages, user_id=self.user_id)
        except Exception as e:
            logger.error(f"Error storing messages in Mem0: {e}")

    def _retrieve_memories(self, query: str) -> List[Dict[str, Any]]:
        results = self.memory_client.search(
            query=query,
            user_id=self.user_id,
            limit=self.search_limit,  # the service's own cap
        )
        return results.get("results", [])

    async def process_frame(self, frame: Frame, direction: FrameDirection):
        await super().process_frame(frame, direction)
        if isinstance(frame, LLMContextFrame):
            messages = frame.context.get_messages()
            memories = self._retrieve_memories(messages[-1]["content"])
            frame.context.add_message({"role": "system", "content": str(memories)})
            self._store_messages(messages)
        await self.push_frame(frame, direction)

    async def forget_user(self):
        self.memory_client.delete_all(user_id=self.user_id)
