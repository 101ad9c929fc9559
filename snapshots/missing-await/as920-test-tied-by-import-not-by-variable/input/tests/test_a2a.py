import asyncio
from unittest.mock import patch

from pkg.a2a.task import execute
from pkg.agent.core import Agent
from pkg.tasks import Task


def test_a2a_execute_uses_the_agent():
    # The a2a path awaits aexecute_task: this patch of the sync one intercepts nothing.
    with patch.object(Agent, "execute_task") as execute_task:
        execute_task.return_value = "ok"
        asyncio.run(execute(Agent(), Task("ideas")))
