from typing import Generic, TypeVar

from django.db import models
from django.http import HttpRequest

ModelT = TypeVar("ModelT", bound=models.Model)


class APIView(Generic[ModelT]):
    model: type[models.Model] | None = None

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        """Base queryset for this view."""
        return self.model._default_manager.all()
