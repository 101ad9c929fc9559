import pytest

from flows.utils.async_utils import run_async_safe


async def _answer() -> int:
    return 42


@pytest.mark.asyncio
async def test_run_async_safe_rejects_running_event_loop():
    coro = _answer()
    with pytest.raises(RuntimeError, match="running event loop"):
        run_async_safe(coro, timeout=5)


@pytest.mark.asyncio
async def test_run_async_safe_called_by_mistake():
    assert run_async_safe(_answer()) == 42
