import asyncio
import contextvars
from typing import Any, Callable

from opentelemetry import baggage


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

    def _inject_trigger_payload(self, original_method: Callable[..., Any]) -> Callable[..., Any]:
        def enhanced_method(*args: Any, **kwargs: Any) -> Any:
            kwargs["inputs"] = baggage.get_baggage("flow_inputs") or {}
            return original_method(*args, **kwargs)

        return enhanced_method

    async def _execute_method(self, method_name: str, method: Callable[..., Any], *args: Any) -> Any:
        if asyncio.iscoroutinefunction(method):
            return await method(*args)
        # Run sync methods in the thread pool: they may call Crew.kickoff() synchronously
        ctx = contextvars.copy_context()
        return await asyncio.to_thread(ctx.run, method, *args)

    async def kickoff(self, start_method_name: str) -> Any:
        method = self._methods[start_method_name]
        enhanced_method = self._inject_trigger_payload(method)
        return await self._execute_method(start_method_name, enhanced_method)
