from django.db import models


class Agent(models.Model):
    creator = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    owner = models.ForeignKey("auth.User", related_name="+", on_delete=models.CASCADE)


async def is_creator(agent: Agent, user):
    # The caller's instance is reloaded with its creator: the read below is no lazy load.
    agent = await Agent.objects.select_related(
        "creator",  # the owner
    ).aget(pk=agent.pk)
    return agent.creator == user


async def is_owner(agent: Agent, user, reload):
    if reload:
        agent = await Agent.objects.select_related("owner").aget(pk=agent.pk)
    # Not reloaded on every path: the parameter may reach this read.
    return agent.owner == user


async def owners(agent: Agent, users):
    agent = await Agent.objects.select_related("owner").aget(pk=agent.pk)
    for user in users:
        if agent.owner == user:
            return True
        agent = await Agent.objects.aget(pk=user.agent_id)
    return False
