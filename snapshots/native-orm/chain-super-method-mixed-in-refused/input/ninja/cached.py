from django.core.cache import cache
from django.db.models import QuerySet

from ninja.pagination import AsyncPaginationBase, PaginationBase


class CachedCountMixin(PaginationBase):
    """Counts once per query text: the count is read from the cache after the first page."""

    def _items_count(self, queryset: QuerySet) -> int:
        key = f"count:{queryset.query}"
        count = cache.get(key)
        if count is None:
            count = super()._items_count(queryset)
            cache.set(key, count, 60)
        return count


# super() in AsyncPaginationBase finds CachedCountMixin._items_count for this class:
# AsyncPaginationBase's wrapper cannot become PaginationBase's body.
class CachedLimitOffsetPagination(AsyncPaginationBase, CachedCountMixin):
    def paginate_queryset(self, queryset, pagination, **params):
        return {"items": queryset[: pagination.limit], "count": self._items_count(queryset)}

    async def apaginate_queryset(self, queryset, pagination, **params):
        return {"items": queryset[: pagination.limit], "count": await self._aitems_count(queryset)}
