from asgiref.sync import sync_to_async
from django.db import models


class Team(models.Model):
    name = models.CharField(max_length=50)


class Member(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)


@sync_to_async
def add_member(team_id, name):
    team = Team.objects.get(pk=team_id)
    # create(team=team) caches the team on the new member: no query to read it back.
    member = Member.objects.create(team=team, name=name)
    draft = Member(team=team, name=name)
    return member.team.name, draft.team.name


@sync_to_async
def find_member(team_id, name):
    team = Team.objects.get(pk=team_id)
    # get_or_create may return a row it read: its team is not loaded.
    member, _created = Member.objects.get_or_create(team=team, name=name)
    return member.team.name
