from abc import ABC

from asgiref.sync import sync_to_async
from django.db.models import QuerySet
from ninja.pagination import LimitOffsetPagination


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


class CountedPagination(LimitOffsetPagination):
    # super() runs the library's method: its body is out of sight.
    @sync_to_async
    def _first_page(self, queryset: QuerySet, pagination):
        return super().paginate_queryset(queryset, pagination)
