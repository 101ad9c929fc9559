import typing as t
from abc import ABC, abstractmethod

from django.db.models import Model as DjangoModel

ModelType = t.TypeVar("ModelType", bound=DjangoModel)


class ModelServiceBase(ABC, t.Generic[ModelType]):
    @abstractmethod
    def delete(self, instance: ModelType, **kwargs: t.Any) -> t.Any:
        pass

    @abstractmethod
    def update(self, instance: ModelType, data: dict, **kwargs: t.Any) -> t.Any:
        pass
