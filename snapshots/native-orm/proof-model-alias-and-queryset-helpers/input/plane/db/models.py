from django.db import models


class CycleIssue(models.Model):
    workspace_id = models.IntegerField()
    cycle_id = models.IntegerField(null=True)
    archived_at = models.DateTimeField(null=True)


class TeamspaceMember(models.Model):
    member_id = models.IntegerField()
    team_space_id = models.IntegerField()
