from asgiref.sync import sync_to_async
from django.db import models


class JoinLink(models.Model):
    code = models.CharField(max_length=32)
    is_used = models.BooleanField(default=False)


@sync_to_async
def get_unused_join_link_by_code(code):
    # The walrus binds and tests the queryset: its truth value is a query.
    if query := JoinLink.objects.filter(code=code, is_used=False):
        return query[0]
    else:
        return None
