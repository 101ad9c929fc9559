class LettuceClient:
    """Base client: no cloud, every step runs in process."""

    @classmethod
    async def create(cls) -> "LettuceClient":
        return cls()

    async def step(self, agent_id: str, messages: list) -> list:
        return messages

    def get_status(self) -> str:
        return "local"


async def lettuce_enabled(agent_id: str) -> bool:
    return False
