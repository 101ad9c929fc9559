from core.db import models


class Workspace(models.Model):
    name = models.CharField(max_length=40)


class Membership(models.CreatedMetaInfoMixin, models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20)


class Comment(models.Model):
    text = models.TextField()
    object_content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
