from abc import ABC, abstractmethod
from typing import Any, List

from asgiref.sync import sync_to_async
from django.db.models import QuerySet


class PaginationBase(ABC):
    items_attribute: str = "items"

    @abstractmethod
    def paginate_queryset(self, queryset: QuerySet, pagination: Any, **params: Any) -> Any:
        pass  # pragma: no cover

    def _items_count(self, queryset: QuerySet) -> int:
        """
        Since lists are mainly compatible with QuerySets and can be passed to paginator.
        We will first to try to use .count - and if not there will use a len
        """
        try:
            # forcing to find queryset.count instead of list.count:
            return queryset.all().count()
        except AttributeError:
            return len(queryset)


class AsyncPaginationBase(PaginationBase):
    @abstractmethod
    async def apaginate_queryset(self, queryset: QuerySet, pagination: Any, **params: Any) -> Any:
        pass  # pragma: no cover

    @sync_to_async
    def _aitems_count(self, queryset: QuerySet) -> int:
        return super()._items_count(queryset)


class LimitOffsetPagination(AsyncPaginationBase):
    def paginate_queryset(self, queryset: QuerySet, pagination: Any, **params: Any) -> Any:
        offset, limit = pagination.offset, pagination.limit
        return {
            "items": queryset[offset : offset + limit],
            "count": self._items_count(queryset),
        }  # noqa: E203

    async def apaginate_queryset(self, queryset: QuerySet, pagination: Any, **params: Any) -> Any:
        offset, limit = pagination.offset, pagination.limit
        return {
            "items": queryset[offset : offset + limit],
            "count": await self._aitems_count(queryset),
        }  # noqa: E203
