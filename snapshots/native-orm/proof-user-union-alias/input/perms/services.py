from asgiref.sync import sync_to_async
from django.contrib.auth.models import AnonymousUser

from perms.models import AnyUser, Team, User


async def is_admin(user: AnyUser) -> bool:
    return user.is_superuser


async def can_edit(user: "User | AnonymousUser") -> bool:
    return user.is_staff and user.is_active


async def team_name(user: AnyUser) -> str:
    # A ForeignKey of User: loaded lazily unless the caller selected it.
    return user.team.name


@sync_to_async
def team_count(user: AnyUser) -> int:
    return Team.objects.filter(user=user).count()
