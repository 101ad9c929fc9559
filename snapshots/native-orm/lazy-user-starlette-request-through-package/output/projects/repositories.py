from projects.models import Project


async def create_project(name: str, created_by) -> Project:
    return await Project.objects.acreate(name=name, owner=created_by)


async def update_project(project: Project, values: dict) -> Project:
    for attribute, value in values.items():
        setattr(project, attribute, value)
    await project.asave(update_fields=list(values))
    return project
