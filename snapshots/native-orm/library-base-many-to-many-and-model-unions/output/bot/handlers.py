from django.contrib.auth.models import Group, Permission

from accounts.models import Greeting, GreetingChoice, User


async def make_agent(user: User, group: Group, perm: Permission) -> None:
    await user.groups.aadd(group)
    await user.user_permissions.aadd(perm)


async def is_agent(user: User) -> bool:
    return await user.groups.filter(name="agents").aexists()


async def greeting_title(greeting: Greeting) -> str:
    return greeting.title.upper()


async def choice_title(greeting: GreetingChoice) -> str:
    return greeting.title.lower()
