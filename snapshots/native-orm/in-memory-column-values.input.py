import json

from asgiref.sync import sync_to_async
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import CharField


class LowerCaseField(models.CharField):
    def from_db_value(self, value, expression, connection):
        return value.lower() if value else value


class SettingsDecoder(json.JSONDecoder):
    pass


class Guild(models.Model):
    name = models.CharField(max_length=50)


class Role(models.Model):
    name = CharField(max_length=50)
    code = LowerCaseField(max_length=20)
    aliases = ArrayField(models.CharField(max_length=20), default=list)
    settings = models.JSONField(default=dict, decoder=SettingsDecoder)
    labels = models.JSONField(default=list, decoder=None)
    guild = models.ForeignKey(Guild, on_delete=models.CASCADE, null=True)
    joined = models.DateTimeField(auto_now_add=True)


@sync_to_async
def lower_role_names():
    for role in Role.objects.all():
        role.name = role.name.lower()  # a CharField: a str once loaded
        role.aliases = [a.strip() for a in role.aliases if a]
        role.save(update_fields=["name", "aliases"])


@sync_to_async
def role_names(prefix):
    return [
        (role.name.strip(), role.joined.isoformat())
        for role in Role.objects.filter(name__startswith=prefix)
    ]


@sync_to_async
def role_codes():
    # A field class of the project: its value may be anything its from_db_value builds.
    return [role.code.upper() for role in Role.objects.all()]


@sync_to_async
def role_settings(pk):
    role = Role.objects.get(pk=pk)
    # A JSONField with its own decoder may decode into any object.
    return role.settings.get("color"), [label.title() for label in role.labels]


@sync_to_async
def guild_name(pk):
    role = Role.objects.get(pk=pk)
    return role.guild.name.title()  # a ForeignKey: loading it is a query
