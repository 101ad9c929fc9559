class Crew:
    def __init__(self, agents, tasks):
        self.agents = agents
        self.tasks = tasks

    def kickoff(self):
        return [agent.execute_task(task=t, context=None, tools=[]) for agent, t in zip(self.agents, self.tasks)]
