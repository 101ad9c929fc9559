"""Admin replies in a support bot (meros_reportbot app/answers.py)."""
from asgiref.sync import sync_to_async
from django.db import models
from django.utils import timezone

ANSWER_MARKER = "@@@"


class Cabinet(models.Model):
    user_id = models.BigIntegerField()
    note = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True)


def strip_marker(text):
    """The admin's reply without the marker."""
    if not text:
        return ""
    return text.replace(ANSWER_MARKER, "").strip()


@sync_to_async
def save_answer(user_id: int, raw_text):
    answer = strip_marker(raw_text)
    Cabinet.objects.filter(user_id=user_id).update(note=answer, answered_at=timezone.now())
    return answer
