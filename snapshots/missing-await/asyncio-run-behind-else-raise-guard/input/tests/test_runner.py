import pytest

from agno.environments.runner import run_rollouts, run_rollouts_unguarded


@pytest.mark.asyncio
async def test_run_rollouts_raises_in_running_loop():
    with pytest.raises(RuntimeError, match="arun_rollouts"):
        run_rollouts(object(), k=1)


@pytest.mark.asyncio
async def test_unguarded_on_the_loop():
    assert run_rollouts_unguarded(object()) == []
