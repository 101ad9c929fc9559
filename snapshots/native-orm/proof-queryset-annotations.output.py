from asgiref.sync import sync_to_async
from django.db.models import QuerySet

from .models import Membership


async def count_members(qs: QuerySet[Membership]) -> int:
    return await qs.acount()


DEFAULT_QUERYSET = Membership.objects.all()


def _apply_filters(qs: QuerySet[Membership], filters: dict = {}) -> QuerySet[Membership]:
    return qs.filter(**filters)


async def get_membership(filters: dict = {}) -> Membership | None:
    qs = _apply_filters(qs=DEFAULT_QUERYSET, filters=filters)
    try:
        return await qs.aget()
    except Membership.DoesNotExist:
        return None


async def first_member(qs: "QuerySet[Membership]"):
    member: Membership = await qs.afirst()
    return member


class Membership2Service:
    def __init__(self, rows):
        self.rows = rows

    @sync_to_async
    def total(self, rows: list):
        # A list named like a queryset proves nothing.
        return rows.count(None)
