import contextvars

import discord
from asgiref.sync import sync_to_async
from yarl import URL

from game.models import Role

resolving_async: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "resolving_async", default=False
)


async def on_interaction(interaction: discord.Interaction):
    @sync_to_async
    def sync_roles():
        # discord.py's objects, not this project's Channel: `guild` is none of its relations.
        default_role = interaction.guild.default_role
        for role in Role.objects.all():
            role.name = role.name.lower()
            role.save()
        return default_role

    return await sync_roles()


def resolve(resolver):
    @sync_to_async
    def async_resolver(*args, **kwargs):
        token = resolving_async.set(True)  # a ContextVar's set(), not a related manager's
        try:
            return resolver(*args, **kwargs)
        finally:
            resolving_async.reset(token)

    return async_resolver


async def rename_roles(prefix: str):
    token = resolving_async.set(True)
    try:
        async for role in Role.objects.filter(name__startswith=prefix):
            role.name = role.name.removeprefix(prefix)
            await role.asave(update_fields=["name"])
    finally:
        resolving_async.reset(token)


async def role_link(pk, base: str):
    role = await Role.objects.aget(pk=pk)
    # yarl's URL is parsed and built in memory.
    return str(URL(base).with_query(role=role.name))
