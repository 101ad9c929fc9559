from bisheng.llm.dao import LLMDao


def get_model_by_id_with_share_fallback(model_id: int):
    if not model_id:
        return None
    return LLMDao.get_model_by_id(model_id)


async def aget_model_by_id_with_share_fallback(model_id: int):
    if not model_id:
        return None
    return await LLMDao.aget_model_by_id(model_id)
