import pghistory
from django.contrib.auth.models import User
from django.db import models


class Docket(models.Model):
    case_name = models.TextField(blank=True)


@pghistory.track()
class UserTag(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="user_tags")
    name = models.SlugField(max_length=50)
    dockets = models.ManyToManyField(Docket, related_name="tags", blank=True)


@pghistory.track(
    pghistory.UpdateEvent(condition=pghistory.AnyChange(exclude_auto=True)),
    model_name="NoteHistory",
)
class Note(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    docket_id = models.ForeignKey(Docket, on_delete=models.CASCADE, null=True)
    notes = models.TextField(blank=True)
