from unittest.mock import patch

from pkg.agent.core import Agent
from pkg.crew import Crew
from pkg.tasks import Task


def test_crew_kickoff_runs_each_agent():
    agent = Agent()
    crew = Crew(agents=[agent], tasks=[Task("ideas")])
    with patch.object(Agent, "execute_task") as execute:
        execute.return_value = "ok"
        crew.kickoff()
        assert execute.call_count == 1
