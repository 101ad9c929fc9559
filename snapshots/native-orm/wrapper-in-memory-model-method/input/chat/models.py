from django.contrib.auth.models import User
from django.db import models


class ChatType(models.TextChoices):
    PATIENT = "patient"
    PROFESSIONAL = "pro"
    TRIAL = "trial_pro"


class RecentManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().defer("title")


class Chat(models.Model):
    kind = models.CharField(max_length=20, choices=ChatType.choices)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL)
    title = models.CharField(max_length=100, blank=True)

    objects = models.Manager()
    recent = RecentManager()

    def is_professional(self) -> bool:
        """Professional chats (trials included)."""
        return self.kind in (ChatType.PROFESSIONAL, ChatType.TRIAL)

    def is_logged_in_user(self) -> bool:
        # Reads the related user: a query when it is not loaded.
        return self.user is not None and self.user.is_active

    def has_user(self) -> bool:
        return self.user_id is not None

    def label(self) -> str:
        return self.title.strip() or "Untitled"
