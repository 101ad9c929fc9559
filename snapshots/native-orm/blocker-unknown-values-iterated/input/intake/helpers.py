# orm-review-4 W2/W2b (makeplane/plane helpers/intake.py): the project helper returns a queryset
# nothing proves; each def below evaluates it (list(), a loop, a comprehension, a truth test),
# which would raise SynchronousOnlyOperation once the chain made the def async. Every wrapper is
# kept, with the evaluation named.
from asgiref.sync import sync_to_async

from intake.queries import intake_work_item_base_query


def listed(project_id, filters, order_by="-id"):
    base_query = intake_work_item_base_query(project_id=project_id)
    intakes = (
        base_query.filter(**filters)  # the multi-line chain of W2b
        .select_related("intake")
        .order_by(order_by, "-id")
        .distinct()
    )
    return list(intakes)


def looped(project_id):
    intakes = intake_work_item_base_query(project_id=project_id)
    names = []
    for issue in intakes:
        names.append(issue.name)
    return names


def comprehended(project_id):
    intakes = intake_work_item_base_query(project_id=project_id)
    items = intakes
    return [issue.name for issue in items]


def tested(project_id):
    intakes = intake_work_item_base_query(project_id=project_id)
    if not intakes:
        return "aucun élément"
    return "ok"


@sync_to_async
def listed_async(project_id, filters):
    return listed(project_id, filters)


@sync_to_async
def looped_async(project_id):
    return looped(project_id)


@sync_to_async
def comprehended_async(project_id):
    return comprehended(project_id)


@sync_to_async
def tested_async(project_id):
    return tested(project_id)
