import asyncio


class Agent:
    def execute_task(self, task, context=None, tools=None):
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return f"done {task.description}"
        raise RuntimeError(
            "execute_task() cannot run inside an event loop: use "
            "(or `await agent.aexecute_task(...)`) when calling from async code."
        )

    async def aexecute_task(self, task, context=None, tools=None):
        # Not `await agent.execute_task(...)`: a comment is no call either.
        return f"done {task.description}"

    def kickoff(self, messages):
        return self.execute_task(messages)
