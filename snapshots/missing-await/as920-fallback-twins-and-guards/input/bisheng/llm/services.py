from bisheng.llm.dao import LLMDao


async def get_model_info(model_id: int) -> dict:
    return await LLMDao.aget_model_by_id(model_id)
