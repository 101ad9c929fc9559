"""Tests of a GraphQL API (mikro-server-next tests/test_filters_dataset.py)."""
import pytest
from asgiref.sync import sync_to_async
from django.db import models


class Dataset(models.Model):
    name = models.CharField(max_length=100)
    creator = models.ForeignKey("auth.User", on_delete=models.CASCADE)


@pytest.mark.asyncio
async def test_pinned_datasets(authenticated_context):
    # kante's HttpContext: its request is a UniversalRequest the fixture built with a loaded user.
    mine = await sync_to_async(
        Dataset.objects.filter(creator=authenticated_context.request.user).count
    )()
    assert mine == 0


async def my_datasets(request):
    return await sync_to_async(Dataset.objects.filter(creator=request.user).count)()
