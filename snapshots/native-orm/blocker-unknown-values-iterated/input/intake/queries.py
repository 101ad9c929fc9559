from typing import Optional

from intake.models import Intake, IntakeIssue


def get_intake(project_id: int):
    project_intake = Intake.objects.filter(project_id=project_id).first()
    if project_intake is None:
        raise LookupError("Intake not found")
    return project_intake


def intake_work_item_base_query(project_id: int, user_id: Optional[int] = None):
    intake = get_intake(project_id=project_id)
    base_query = IntakeIssue.objects.filter(intake_id=intake.id)
    if user_id:
        base_query = base_query.filter(created_by_id=user_id)
    return base_query
