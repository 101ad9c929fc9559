from django.contrib.auth.mixins import UserPassesTestMixin
from django.views.generic import DetailView
from rest_framework import permissions
from rest_framework.permissions import BasePermission
from starlette.middleware.cors import CORSMiddleware

from .models import Project


class IsProjectMember(BasePermission):
    async def has_permission(self, request, view):
        return await request.user.projects.filter(pk=view.kwargs["pk"]).aexists()


class IsOwner(permissions.BasePermission):
    def has_object_permission(self, request, view, obj):
        # A plain def: what DRF expects.
        return obj.owner_id == request.user.id


class LocalhostCORSMiddleware(CORSMiddleware):
    async def is_allowed_origin(self, origin: str) -> bool:
        return origin.startswith("http://localhost")


class ProjectDetail(UserPassesTestMixin, DetailView):
    model = Project

    async def test_func(self):
        return await self.get_object().members.filter(pk=self.request.user.pk).aexists()


class Notifier:
    # Not a framework hook: an async method of the project's own.
    async def has_permission(self, user) -> bool:
        return user.is_active
