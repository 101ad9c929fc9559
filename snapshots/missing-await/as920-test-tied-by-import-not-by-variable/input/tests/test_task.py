from unittest.mock import patch

from pkg.agent.core import Agent
from pkg.tasks import Task


def test_execute_sync_calls_agent():
    agent = Agent()
    task = Task("ideas")
    with patch.object(Agent, "execute_task") as execute:
        execute.return_value = "ok"
        task.execute_sync(agent=agent)
        execute.assert_called_once_with(task=task, context=None, tools=[])
