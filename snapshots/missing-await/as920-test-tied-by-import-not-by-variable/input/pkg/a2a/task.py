async def execute(agent, task):
    # the team's own async server path: it never called the sync form
    result = await agent.aexecute_task(task=task, tools=[])
    return result
