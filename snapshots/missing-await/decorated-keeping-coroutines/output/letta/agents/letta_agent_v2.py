import functools
import inspect

from letta.otel.tracing import run_blocking, trace_method


def log_event(func):
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            print("event", func.__name__)
            return await func(*args, **kwargs)

        return wrapper

    @functools.wraps(func)
    def sync_wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return sync_wrapper


class LettaAgentV2:
    @trace_method
    async def stream(self, messages: list[str]):
        for m in messages:
            yield m
        await self._request_checkpoint_finish(run_id="r1")

    async def step(self) -> None:
        progression, metrics = await self._step_checkpoint_start(step_id="s1")
        await self._step_checkpoint_finish(step_id="s1")
        print(progression, metrics)

    async def refresh(self) -> None:
        self._refresh_blocking()  # run_blocking makes it a plain call: left alone

    @trace_method
    async def _request_checkpoint_finish(self, run_id: str) -> None:
        print(run_id)

    @trace_method
    async def _step_checkpoint_start(self, step_id: str) -> tuple[str, str]:
        return step_id, "m"

    @log_event
    async def _step_checkpoint_finish(self, step_id: str) -> None:
        print(step_id)

    @run_blocking
    async def _refresh_blocking(self) -> None:
        print("refresh")
