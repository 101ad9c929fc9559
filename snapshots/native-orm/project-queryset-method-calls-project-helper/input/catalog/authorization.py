from asgiref.sync import sync_to_async

from catalog.models import RepositoryCatalog


def search_viewable_repositories(*, search: str | None = None, limit: int) -> list[RepositoryCatalog]:
    rows = RepositoryCatalog.objects.fresh().filter(provider="gitlab")
    if search:
        rows = rows.filter(slug__icontains=search)
    return list(rows.order_by("slug")[:limit])


asearch_viewable_repositories = sync_to_async(search_viewable_repositories)
