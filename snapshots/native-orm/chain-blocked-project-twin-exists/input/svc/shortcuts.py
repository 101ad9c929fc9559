from typing import Any


def get_object_or_exception(klass: Any, **kwargs: Any) -> Any:
    """The row, or the API's 404 (the caller turns DoesNotExist into one)."""
    return klass.objects.get(**kwargs)


async def aget_object_or_exception(klass: Any, **kwargs: Any) -> Any:
    # None for a missing row: the async views answer 204 there, not 404.
    return await klass.objects.filter(**kwargs).afirst()
