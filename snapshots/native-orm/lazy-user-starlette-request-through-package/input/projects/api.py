from base.api import AuthRequest, Form
from projects import repositories
from projects.models import Project


async def create_project(
    request: AuthRequest,
    name: str,
):
    return await repositories.create_project(name=name, created_by=request.user)


async def update_project(project_id: int, request: AuthRequest, form: Form):
    values = await form.cleaned_dict(request)
    project = await Project.objects.aget(pk=project_id, owner=request.user)
    return await repositories.update_project(project=project, values=values)
