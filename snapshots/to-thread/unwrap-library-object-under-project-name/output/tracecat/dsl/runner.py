from tracecat.dsl.models import VISITOR_NODE_TO_EXPR_TYPE, RunArgs


def _validate(raw: dict) -> RunArgs:
    kind = VISITOR_NODE_TO_EXPR_TYPE.get(raw.get("kind", ""), "ACTIONS")
    return RunArgs.model_validate({**raw, "environment": kind.lower()})


async def prepare(raw: dict) -> RunArgs:
    # Validation is CPU work: kept off the loop.
    return _validate(raw)
