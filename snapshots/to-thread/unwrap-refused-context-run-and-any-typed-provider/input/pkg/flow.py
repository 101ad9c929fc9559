import asyncio
import contextvars
from typing import Any

from pkg.feedback import HumanFeedbackProvider
from pkg.tools import BaseTool, build_action


def router(label):
    def mark(fn):
        fn.__router__ = label
        return fn

    return mark


class Flow:
    def __init__(self):
        self._methods = {
            name: getattr(self, name)
            for name in dir(type(self))
            if hasattr(getattr(type(self), name), "__router__")
        }
        self.feedback_provider = None

    async def _execute_method(self, method_name, *args, **kwargs):
        method = self._methods[method_name]
        if asyncio.iscoroutinefunction(method):
            return await method(*args, **kwargs)
        # Run sync methods in the thread pool: they may call Crew.kickoff() synchronously
        ctx = contextvars.copy_context()
        return await asyncio.to_thread(ctx.run, method, *args, **kwargs)

    def _resolve_feedback_provider(self) -> Any:
        provider = self.feedback_provider
        if provider is not None and not isinstance(provider, HumanFeedbackProvider):
            raise ValueError("not a HumanFeedbackProvider")
        return provider

    async def ask(self, context):
        provider = self._resolve_feedback_provider()
        if provider is not None:
            return await asyncio.to_thread(provider.request_feedback, context, self)
        return None

    async def run_step(self, tool: BaseTool, **kwargs):
        run_action = build_action(tool)
        ctx = contextvars.copy_context()

        def run_with_context():
            return run_action(**kwargs)

        return await asyncio.to_thread(ctx.run, run_with_context)
