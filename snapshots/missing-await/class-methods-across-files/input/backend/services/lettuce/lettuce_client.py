class LettuceClient:
    @classmethod
    async def create(cls) -> "LettuceClient":
        return cls()

    async def step(self, messages: list) -> list:
        return messages
