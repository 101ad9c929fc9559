from asgiref.sync import sync_to_async
from django.db.models import QuerySet

from .models import Membership


@sync_to_async
def count_members(qs: QuerySet[Membership]) -> int:
    return qs.count()


DEFAULT_QUERYSET = Membership.objects.all()


def _apply_filters(qs: QuerySet[Membership], filters: dict = {}) -> QuerySet[Membership]:
    return qs.filter(**filters)


@sync_to_async
def get_membership(filters: dict = {}) -> Membership | None:
    qs = _apply_filters(qs=DEFAULT_QUERYSET, filters=filters)
    try:
        return qs.get()
    except Membership.DoesNotExist:
        return None


@sync_to_async
def first_member(qs: "QuerySet[Membership]"):
    member: Membership = qs.first()
    return member


class Membership2Service:
    def __init__(self, rows):
        self.rows = rows

    @sync_to_async
    def total(self, rows: list):
        # A list named like a queryset proves nothing.
        return rows.count(None)
