import typing as t
from abc import ABC, abstractmethod

from django.db.models import Model as DjangoModel

RecordT = t.TypeVar("RecordT", bound=DjangoModel)


class CrudBase(ABC, t.Generic[RecordT]):
    @abstractmethod
    def remove(self, record: RecordT) -> None:
        """Delete one record."""

    @abstractmethod
    async def remove_async(self, record: RecordT) -> None:
        """Delete one record, from async code."""
