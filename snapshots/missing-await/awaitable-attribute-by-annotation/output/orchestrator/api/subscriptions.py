from typing import Any

from orchestrator.utils.auth import AuthContext
from orchestrator.workflow import Workflow
from orchestrator.workflows import get_workflow


def _apply_auth_reason(workflow_dict: dict[str, Any], current_user: str | None) -> None:
    """Stamp ``workflow_dict`` with a reason when the user cannot run it."""
    workflow = get_workflow(workflow_dict["name"])
    if workflow is None:
        return

    context = AuthContext(user=current_user, action="start_workflow")
    if (
        not workflow.authorize_callback(context)  # The current user isn't allowed to run this workflow
        and "reason" not in workflow_dict  # and there isn't already a reason why it cannot run
    ):
        workflow_dict["reason"] = "subscription.insufficient_workflow_permissions"


async def may_retry(workflow: Workflow, context: AuthContext) -> bool:
    if not await workflow.retry_auth_callback(context):
        return False
    # Not awaitable: a plain predicate, nothing to say.
    return workflow.run_predicate is None or bool(workflow.run_predicate(context))
