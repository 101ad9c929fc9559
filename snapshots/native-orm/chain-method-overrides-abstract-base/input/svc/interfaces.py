import typing as t
from abc import ABC, abstractmethod

from django.db.models import Model as DjangoModel

ModelType = t.TypeVar("ModelType", bound=DjangoModel)


class AsyncModelServiceBase(ABC, t.Generic[ModelType]):
    @abstractmethod
    async def delete_async(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        pass


class ModelServiceBase(ABC, t.Generic[ModelType]):
    @abstractmethod
    def delete(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        pass
