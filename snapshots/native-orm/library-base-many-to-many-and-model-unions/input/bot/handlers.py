from asgiref.sync import sync_to_async
from django.contrib.auth.models import Group, Permission

from accounts.models import Greeting, GreetingChoice, User


async def make_agent(user: User, group: Group, perm: Permission) -> None:
    await sync_to_async(user.groups.add)(group)
    await sync_to_async(user.user_permissions.add)(perm)


async def is_agent(user: User) -> bool:
    return await sync_to_async(user.groups.filter(name="agents").exists)()


async def greeting_title(greeting: Greeting) -> str:
    return greeting.title.upper()


async def choice_title(greeting: GreetingChoice) -> str:
    return greeting.title.lower()
