from facade.models import TaskEvent


def build_execution_event(event_id: int) -> dict:
    event = TaskEvent.objects.get(id=event_id)
    return {"id": event.id, "kind": event.kind}
