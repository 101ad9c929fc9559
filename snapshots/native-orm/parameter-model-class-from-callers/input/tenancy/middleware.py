from typing import Optional

from django.http import HttpRequest, HttpResponse


class TenantMiddleware:
    """Sync flavour: the same method names as the async one below."""

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Import here to avoid circular imports
        from tenancy.models import Organization

        request.organization = self._resolve_from_header(request, Organization)
        return self.get_response(request)

    def _resolve_from_header(self, request: HttpRequest, Organization) -> Optional["Organization"]:
        org_id = request.headers.get("X-Organization-ID")
        return Organization.objects.filter(id=org_id).first() if org_id else None


class AsyncTenantMiddleware:
    async def __call__(self, request: HttpRequest) -> HttpResponse:
        from tenancy.models import Organization

        organization = await self._resolve_from_header(request, Organization)
        if organization is None:
            organization = await self._resolve_from_session(request, Organization)
        request.organization = organization
        return await self.get_response(request)

    async def _resolve_from_header(
        self, request: HttpRequest, Organization
    ) -> Optional["Organization"]:
        from asgiref.sync import sync_to_async

        org_id = request.headers.get("X-Organization-ID")
        if org_id:
            return await sync_to_async(
                Organization.objects.filter(id=org_id, is_active=True).first
            )()
        return None

    async def _resolve_from_session(self, request: HttpRequest, Organization):
        from asgiref.sync import sync_to_async

        org_id = request.session.get("organization_id")
        if org_id:
            return await sync_to_async(Organization.objects.filter(id=org_id).first)()
        return None

    async def _resolve_by_slug(self, slug: str, Organization):
        from asgiref.sync import sync_to_async

        # Called with two different classes: nothing says which one.
        return await sync_to_async(Organization.objects.filter(slug=slug).first)()

    async def lookup(self, slug: str):
        from tenancy.models import Membership, Organization

        return (
            await self._resolve_by_slug(slug, Organization),
            await self._resolve_by_slug(slug, Membership),
        )
