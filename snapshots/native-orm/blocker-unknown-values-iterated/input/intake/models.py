from django.db import models


class Intake(models.Model):
    project_id = models.IntegerField()


class IntakeIssue(models.Model):
    intake = models.ForeignKey(Intake, on_delete=models.CASCADE)
    name = models.CharField(max_length=50)
    created_by_id = models.IntegerField(null=True)
