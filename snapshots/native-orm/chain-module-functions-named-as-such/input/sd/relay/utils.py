from typing import overload

from django.db import models


def resolve_model_id(root):
    return root.pk


@overload
def resolve_model_nodes(source, *, required=False) -> list: ...


@overload
def resolve_model_nodes(source, *, required=True) -> list: ...


def resolve_model_nodes(source, *, required=False):
    qs = source._default_manager.all()
    return qs
