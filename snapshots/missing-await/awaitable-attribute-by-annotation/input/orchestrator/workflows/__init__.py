from orchestrator.workflow import Workflow

ALL_WORKFLOWS: dict[str, Workflow] = {}


def get_workflow(name: str) -> Workflow | None:
    return ALL_WORKFLOWS.get(name)
