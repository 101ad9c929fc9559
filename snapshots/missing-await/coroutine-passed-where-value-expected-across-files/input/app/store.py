from typing import Awaitable, Optional


class ConversationStore:
    def __init__(self, user_id: Optional[str]) -> None:
        self.user_id = user_id


async def get_instance(config: dict, user_id: str | None) -> ConversationStore:
    return ConversationStore(user_id)


async def audit(action: str, *, actor: Optional[str] = None) -> None:
    print(action, actor)


async def with_timeout(job: Awaitable[str], seconds: float) -> str:
    return job


def schedule(job, delay: float = 0.0) -> None:
    print(job, delay)
