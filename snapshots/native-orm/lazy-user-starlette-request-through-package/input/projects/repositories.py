from asgiref.sync import sync_to_async

from projects.models import Project


@sync_to_async
def create_project(name: str, created_by) -> Project:
    return Project.objects.create(name=name, owner=created_by)


@sync_to_async
def update_project(project: Project, values: dict) -> Project:
    for attribute, value in values.items():
        setattr(project, attribute, value)
    project.save(update_fields=list(values))
    return project
