from typing import Any

from django.db import models

from api.views.base import APIView


class DeleteView(APIView):
    lookup_field = "pk"

    async def _get_instance(self, lookup_value: Any) -> models.Model:
        queryset = self.get_queryset(None)
        try:
            if hasattr(queryset, "aget"):
                return await queryset.aget(**{self.lookup_field: lookup_value})

            return await queryset.aget(**{self.lookup_field: lookup_value})
        except queryset.model.DoesNotExist:
            raise LookupError(lookup_value)


class CachedRowsMixin:
    def get_queryset(self, request):
        # A list of rows read once: no queryset, whatever the base says.
        return list(super().get_queryset(request))


class CachedDeleteView(CachedRowsMixin, APIView):
    async def count(self) -> int:
        from asgiref.sync import sync_to_async

        rows = self.get_queryset(None)
        return await sync_to_async(rows.count)()
