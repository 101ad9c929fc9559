class LLMDao:
    @classmethod
    def get_model_by_id(cls, model_id: int) -> dict:
        return {"id": model_id}

    @classmethod
    async def aget_model_by_id(cls, model_id: int) -> dict:
        return {"id": model_id}
