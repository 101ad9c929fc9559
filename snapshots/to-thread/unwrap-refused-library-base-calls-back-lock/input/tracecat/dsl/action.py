import asyncio
from typing import Any

from tracecat.expressions.core import TemplateExpression


def _resolve_environment(env: str, materialized: dict) -> Any:
    """CPU-bound: run in a thread pool via asyncio.to_thread()."""
    expr = TemplateExpression(env, operand=materialized)
    return expr.result()


async def prepare_action(env: str, materialized: dict) -> Any:
    return await asyncio.to_thread(_resolve_environment, env, materialized)
