import typing as t

from asgiref.sync import sync_to_async
from django.db.models import Model

from ninja_extra.exceptions import NotFound
from ninja_extra.shortcuts import get_object_or_exception


class ModelService:
    """CRUD for one model; override it for a complex model."""

    def __init__(self, model: t.Type[Model]) -> None:
        self.model = model

    def get_one(self, pk: t.Any, **kwargs: t.Any) -> t.Any:
        obj = get_object_or_exception(
            klass=self.model, error_message=None, exception=NotFound, pk=pk
        )
        return obj

    async def get_one_async(self, pk: t.Any, **kwargs: t.Any) -> t.Any:
        return await sync_to_async(self.get_one, thread_sensitive=True)(pk, **kwargs)
