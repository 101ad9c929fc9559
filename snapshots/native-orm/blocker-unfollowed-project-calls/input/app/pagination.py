from abc import ABC

from asgiref.sync import sync_to_async
from django.db.models import QuerySet


class PaginationBase(ABC):
    def _items_count(self, queryset: QuerySet) -> int:
        try:
            # forcing to find queryset.count instead of list.count:
            return queryset.all().count()
        except AttributeError:
            return len(queryset)


class AsyncPaginationBase(PaginationBase):
    @sync_to_async
    def _aitems_count(self, queryset: QuerySet) -> int:
        return super()._items_count(queryset)
