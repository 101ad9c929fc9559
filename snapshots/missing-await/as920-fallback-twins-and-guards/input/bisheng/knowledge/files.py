class KnowledgeFileDao:
    @classmethod
    def get_knowledge_files(cls, knowledge_id: int) -> list:
        return []

    @classmethod
    async def aget_knowledge_files(cls, knowledge_id: int) -> list:
        return []


async def list_space_files(knowledge_id: int) -> list:
    return await KnowledgeFileDao.aget_knowledge_files(knowledge_id)
