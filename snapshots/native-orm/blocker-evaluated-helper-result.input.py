from typing import Optional

from asgiref.sync import sync_to_async
from django.db import models
from strawberry.exceptions import GraphQLError


class Intake(models.Model):
    project_id = models.IntegerField()


class IntakeIssue(models.Model):
    intake = models.ForeignKey(Intake, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)


def get_intake(project_id: int):
    project_intake = Intake.objects.filter(project_id=project_id).first()
    if project_intake is None:
        raise GraphQLError("Intake not found", extensions={"code": "NOT_FOUND"})
    return project_intake


def intake_work_item_base_query(project_id: int):
    try:
        intake = get_intake(project_id=project_id)
        return IntakeIssue.objects.filter(intake_id=intake.id)
    except Exception:
        raise GraphQLError("Error getting intake work item base query")


def get_intake_work_items(project_id: int, search: Optional[str] = None):
    base_query = intake_work_item_base_query(project_id=project_id)
    if search:
        base_query = base_query.filter(name__icontains=search)
    intakes = base_query.select_related("intake").order_by("-id").distinct()
    # Evaluated here: on the event loop once converted, unless proven a queryset.
    return list(intakes)


@sync_to_async
def get_intake_work_items_async(project_id: int, search: Optional[str] = None):
    return get_intake_work_items(project_id=project_id, search=search)


@sync_to_async
def count_intake_work_items(project_id: int):
    items = intake_work_item_base_query(project_id)
    return len(items)
