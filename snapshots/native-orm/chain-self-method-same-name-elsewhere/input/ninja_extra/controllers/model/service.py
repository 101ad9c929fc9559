import typing as t

from asgiref.sync import sync_to_async

from .interfaces import ModelServiceBase, ModelType


class ModelService(ModelServiceBase[ModelType], t.Generic[ModelType]):
    def __init__(self, model: t.Type[ModelType]) -> None:
        self.model = model

    def delete(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        instance.delete()

    async def delete_async(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        return await sync_to_async(self.delete, thread_sensitive=True)(instance)

    def update(self, instance: ModelType, data: dict, **kwargs: t.Any) -> t.Any:
        for attr, value in data.items():
            setattr(instance, attr, value)
        instance.save()
        return instance

    async def update_async(self, instance: ModelType, data: dict, **kwargs: t.Any) -> t.Any:
        return await sync_to_async(self.update, thread_sensitive=True)(instance, data)
