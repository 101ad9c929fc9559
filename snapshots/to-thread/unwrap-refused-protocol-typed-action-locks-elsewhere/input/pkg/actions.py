import asyncio
import contextvars
import inspect
import threading
from typing import Any, Callable, Protocol

from pkg.tools import BaseTool


class _BuiltAction(Protocol):
    def run(self, *args: Any, **kwargs: Any) -> Any: ...


class ExpressionAction:
    def __init__(self, expression: str):
        self.expression = expression

    def run(self, *args: Any, **kwargs: Any) -> Any:
        return self.expression.format(**kwargs)


class ToolAction:
    def __init__(self, tool: BaseTool):
        self.tool = tool

    def run(self, *args: Any, **kwargs: Any) -> Any:
        return self.tool.run(**kwargs)


class BatchAction:
    async def run(self, *args: Any, **kwargs: Any) -> Any:
        worker = threading.Thread(target=print, args=(kwargs,))
        worker.start()
        worker.join()  # blocks the loop: a bug of its own, not the unwrap's
        return kwargs


def _as_flow_method(action: _BuiltAction) -> Callable[..., Any]:
    run: Callable[..., Any]
    if inspect.iscoroutinefunction(action.run):

        async def run_async(*args: Any, **kwargs: Any) -> Any:
            return await action.run(*args, **kwargs)

        run = run_async
    else:

        def run_sync(*args: Any, **kwargs: Any) -> Any:
            return action.run(*args, **kwargs)

        run = run_sync
    return run


def build_action(definition: Any) -> Callable[..., Any]:
    if isinstance(definition, str):
        return _as_flow_method(ExpressionAction(definition))
    if isinstance(definition, list):
        return _as_flow_method(BatchAction())
    return _as_flow_method(ToolAction(BaseTool()))


async def run_step(definition: Any, **kwargs: Any) -> Any:
    run_action = build_action(definition)
    ctx = contextvars.copy_context()

    def run_with_context() -> Any:
        return run_action(**kwargs)

    return await asyncio.to_thread(ctx.run, run_with_context)
