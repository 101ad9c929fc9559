from django.conf import settings
from django.db import models
from django.db.models import ImageField


def avatar_path(instance: "Profile", filename: str) -> str:
    return f"avatars/{instance.user_id}/{filename}"


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    avatar = ImageField(upload_to=avatar_path, blank=True)
    résumé = models.FileField(upload_to="resumes/", null=True, blank=True)
    # A path on the server, stored as text: not a file field.
    export_dir = models.FilePathField(path="/srv/exports", allow_folders=True)
    bio = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.user.get_username()
