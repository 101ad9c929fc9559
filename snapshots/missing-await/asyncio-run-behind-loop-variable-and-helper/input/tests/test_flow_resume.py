import pytest

from crewai.flow.flow import Flow


@pytest.mark.asyncio
async def test_resume_refuses_inside_a_loop():
    with pytest.raises(RuntimeError):
        Flow().resume("ok")
