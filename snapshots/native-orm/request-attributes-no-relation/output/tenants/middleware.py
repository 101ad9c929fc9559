from asgiref.sync import sync_to_async
from django.http import HttpRequest

from tenants.models import Membership


class TenantMiddleware:
    async def _resolve_from_user(self, request: HttpRequest):
        @sync_to_async
        def get_first_org():
            # request.user is lazy (AS212); `request` itself is no model
            membership = (
                Membership.objects.filter(user=request.user, organization__is_active=True)
                .select_related("organization")
                .first()
            )
            return membership.organization if membership else None

        return await get_first_org()

    async def _visit_key(self, request: HttpRequest) -> str:
        # request.session is the request's own attribute, no ForeignKey named `session`
        return await Membership.objects.filter(visit_key=request.session.session_key).aexists()
