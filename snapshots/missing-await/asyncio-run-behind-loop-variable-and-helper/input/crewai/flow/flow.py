import asyncio
from typing import Any


class Flow:
    async def resume_async(self, feedback: str = "") -> Any:
        return feedback

    def resume(self, feedback: str = "") -> Any:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None

        if loop is not None:
            raise RuntimeError(
                "resume() cannot be called from within an async context. "
                "Use 'await flow.resume_async(feedback)' instead."
            )

        return asyncio.run(self.resume_async(feedback))
