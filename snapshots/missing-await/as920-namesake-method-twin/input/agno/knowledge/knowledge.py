class Knowledge:
    def __init__(self, vector_db):
        self.vector_db = vector_db

    def insert_many(self, documents: list) -> None:
        for document in documents:
            self.insert(document)

    async def ainsert_many(self, documents: list) -> None:
        for document in documents:
            await self.vector_db.async_insert(document)

    def insert(self, document) -> None:
        self.vector_db.insert(document)

    async def aload(self, documents: list) -> None:
        await self.ainsert_many(documents)
