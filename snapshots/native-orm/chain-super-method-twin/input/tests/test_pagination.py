import asyncio
from typing import List

from django.db.models import QuerySet

from ninja.pagination import PaginationBase


class NoOutputPagination(PaginationBase):
    def paginate_queryset(self, items, pagination, **params):
        return items[pagination.skip : pagination.skip + 5]


class AsyncNoOutputPagination(NoOutputPagination):
    async def apaginate_queryset(self, items, pagination, **params):
        await asyncio.sleep(0)
        return items[pagination.skip : pagination.skip + 5]

    # An override in a sibling branch: super() in AsyncPaginationBase never finds it.
    def _items_count(self, queryset: QuerySet) -> int:
        try:
            return queryset.all().count()
        except AttributeError:
            asyncio.sleep(0)
            return len(queryset)
