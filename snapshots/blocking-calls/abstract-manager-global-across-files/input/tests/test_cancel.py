import pytest

from pkg.run.cancel import get_active_runs, raise_if_cancelled


@pytest.mark.asyncio
async def test_unknown_run_is_not_cancelled():
    # The default in-memory manager: not the Redis one the helpers' finding names.
    raise_if_cancelled("run-1")
    assert "run-1" not in get_active_runs()
