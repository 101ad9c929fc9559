from django.db import models


class Workspace(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80)


class WorkspaceMember(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="workspace_member")
    member_id = models.IntegerField()
    is_active = models.BooleanField(default=True)


class FileAsset(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE)
    project_id = models.IntegerField(null=True)
    page_id = models.IntegerField(null=True)
    entity_type = models.CharField(max_length=40)
    size = models.IntegerField(default=0)


class WorkItemPage(models.Model):
    workspace_id = models.IntegerField()
    issue_id = models.IntegerField()
    page_id = models.IntegerField()
    deleted_at = models.DateTimeField(null=True)
