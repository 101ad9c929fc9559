import typing as t

from asgiref.sync import sync_to_async

from .interfaces import AsyncModelServiceBase, ModelServiceBase, ModelType


class ModelService(
    ModelServiceBase[ModelType], AsyncModelServiceBase[ModelType], t.Generic[ModelType]
):
    def __init__(self, model: t.Type[ModelType]) -> None:
        self.model = model

    def delete(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        instance.delete()

    async def delete_async(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        return await sync_to_async(self.delete, thread_sensitive=True)(instance)

    def count(self) -> int:
        return self.model.objects.count()

    async def count_async(self) -> int:
        # Counted in the worker thread for now (voir #88).
        return await sync_to_async(self.count)()
