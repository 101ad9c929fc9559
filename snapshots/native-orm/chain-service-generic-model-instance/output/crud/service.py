import typing as t

from .bases import CrudBase, RecordT


class CrudService(CrudBase[RecordT], t.Generic[RecordT]):
    def __init__(self, model: t.Type[RecordT]) -> None:
        self.model = model

    def remove(self, record: RecordT) -> None:
        record.delete()

    async def aremove(self, record: RecordT) -> None:
        await record.adelete()

    async def remove_async(self, record: RecordT) -> None:
        await self.aremove(record)
