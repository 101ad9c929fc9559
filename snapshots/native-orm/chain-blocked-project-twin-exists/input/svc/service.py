import typing as t

from asgiref.sync import sync_to_async

from svc.shortcuts import get_object_or_exception


class ModelService:
    def __init__(self, model: t.Any) -> None:
        self.model = model

    def get_one(self, pk: t.Any) -> t.Any:
        return get_object_or_exception(klass=self.model, pk=pk)

    async def get_one_async(self, pk: t.Any) -> t.Any:
        return await sync_to_async(self.get_one, thread_sensitive=True)(pk)
