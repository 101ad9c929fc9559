import asyncio
from typing import Any

from tracecat.expressions.eval import count_templates, eval_templated_object, resolve_path
from tracecat.expressions.ops import make_handler, make_path_reader

HANDLERS: dict[str, Any] = {}


async def prepare_args(args: dict, materialized: dict) -> Any:
    # The template operator a project function returns runs lark's callbacks, then a lock.
    evaled_args = await asyncio.to_thread(
        eval_templated_object, args, operand=materialized  # operand: the run's context
    )
    return evaled_args


async def read_action_result(path: str, materialized: dict) -> Any:
    return await asyncio.to_thread(resolve_path, path, materialized)


async def read_strict(path: str, materialized: dict) -> Any:
    reader = make_path_reader(materialized, strict=True)
    return await asyncio.to_thread(reader, path)


async def run_handler(name: str, line: str) -> Any:
    handler = make_handler(HANDLERS, name)
    return await asyncio.to_thread(handler, line)


async def count(line: str) -> int:
    return await asyncio.to_thread(count_templates, line)
