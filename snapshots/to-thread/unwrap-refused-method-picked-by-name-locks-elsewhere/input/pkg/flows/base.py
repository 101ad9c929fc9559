import asyncio
import contextvars
from typing import Any, Callable

from pkg.audit import AuditLog


class Flow:
    """Runs named steps; a sync step goes to a worker thread."""

    step_names: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.audit = AuditLog()
        self._steps: dict[str, Callable[..., Any]] = {}
        self._steps.update(self._bound_steps())

    def _bound_steps(self) -> dict[str, Callable[..., Any]]:
        steps: dict[str, Callable[..., Any]] = {}
        for name in self.step_names:
            step = getattr(self, name, None)
            if step is not None:
                steps[name] = step
        return steps

    async def _execute(self, name: str, step: Callable[..., Any], *args: Any) -> Any:
        if asyncio.iscoroutinefunction(step):
            return await step(*args)
        ctx = contextvars.copy_context()
        return await asyncio.to_thread(
            ctx.run,  # keep the caller's context variables
            step,
            *args,
        )

    async def run_step(self, name: str, *args: Any) -> Any:
        step = self._steps.get(name)
        if step is None:
            raise KeyError(name)
        return await self._execute(name, step, *args)
