from typing import Any, Type, Union, cast, no_type_check

from django.db.models import Model, QuerySet

from ninja_extra.exceptions import APIException, NotFound


@no_type_check
def _get_queryset(klass: Type[Model]) -> QuerySet:
    # If it is a model class or anything else with ._default_manager
    if hasattr(klass, "_default_manager"):
        return cast(QuerySet, klass._default_manager.all())
    return cast(QuerySet, klass)


@no_type_check
def get_object_or_exception(
    klass: Union[Type[Model], QuerySet],
    error_message: str = None,
    exception: Type[APIException] = NotFound,
    **kwargs: Any,
) -> Any:
    queryset = _get_queryset(klass)
    try:
        return queryset.get(**kwargs)
    except queryset.model.DoesNotExist as ex:
        message = error_message or "{} was not found".format(queryset.model._meta.object_name)
        raise exception(detail=message) from ex


@no_type_check
async def aget_object_or_exception(
    klass: Union[Type[Model], QuerySet],
    error_message: str = None,
    exception: Type[APIException] = NotFound,
    **kwargs: Any,
) -> Any:
    queryset = _get_queryset(klass)
    try:
        return await queryset.aget(**kwargs)
    except queryset.model.DoesNotExist as ex:
        message = error_message or "{} was not found".format(queryset.model._meta.object_name)
        raise exception(detail=message) from ex
