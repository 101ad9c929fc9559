class Task:
    def __init__(self, description):
        self.description = description

    def execute_sync(self, agent):
        return agent.execute_task(task=self, context=None, tools=[])
