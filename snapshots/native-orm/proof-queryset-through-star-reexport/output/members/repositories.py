from asgiref.sync import sync_to_async
from django.contrib.contenttypes.models import ContentType

from core.db import models as db
from core.db.models import QuerySet
from members.models import Comment, Membership, Workspace

DEFAULT_QUERYSET = Comment.objects.all()


async def count_members(qs: QuerySet[Membership]) -> int:
    return await qs.acount()


async def workspace_exists(qs: "db.QuerySet[Workspace]", name: str) -> bool:
    # Names are unique per owner, not globally (voir #412).
    return await qs.filter(name=name).aexists()


def _apply_filters(qs: QuerySet[Comment], filters: dict) -> QuerySet[Comment]:
    data = dict(filters)
    if "content_object" in filters:
        data["object_content_type"] = ContentType.objects.get_for_model(data.pop("content_object"))
    return qs.filter(**data)


@sync_to_async
def get_total_comments(filters: dict = {}) -> int:
    qs = _apply_filters(qs=DEFAULT_QUERYSET, filters=filters)
    return qs.count()
