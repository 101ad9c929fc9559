import typing as t

from asgiref.sync import sync_to_async

from .bases import CrudBase, RecordT


class CrudService(CrudBase[RecordT], t.Generic[RecordT]):
    def __init__(self, model: t.Type[RecordT]) -> None:
        self.model = model

    def remove(self, record: RecordT) -> None:
        record.delete()

    async def remove_async(self, record: RecordT) -> None:
        await sync_to_async(self.remove, thread_sensitive=True)(record)
