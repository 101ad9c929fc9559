from typing import AsyncIterator, Optional

from pkg.run.cancel import get_active_runs, raise_if_cancelled
from pkg.run.metrics import record_event


async def adelegate_task_to_member(
    member_agent,
    task: str,
    run_id: str,
    session_id: Optional[str] = None,
) -> AsyncIterator[str]:
    async for event in member_agent.arun(task, session_id=session_id, stream=True):
        # Check if the run was cancelled between member events
        raise_if_cancelled(run_id)
        record_event({"run_id": run_id, "kind": "member_event"})
        yield event


def delegate_task_to_member(member_agent, task: str, run_id: str):
    for event in member_agent.run(task, stream=True):
        raise_if_cancelled(run_id)
        yield event


async def active_runs_view():
    return {"runs": get_active_runs()}
