from django.utils import timezone

from bot.models import Feedback

ANSWER_MARKER = "#ответ"


def strip_marker(text):
    """The admin's reply without the marker."""
    if not text:
        return ""
    return text.replace(ANSWER_MARKER, "").strip()


def get_feedback_by_admin_message(message_id):
    """Find the feedback whose admin-group message was replied to."""
    return Feedback.objects.filter(
        admin_message_id=message_id
    ).select_related("bot_user", "client").first()


async def aget_feedback_by_admin_message(message_id):
    """Find the feedback whose admin-group message was replied to."""
    return await Feedback.objects.filter(
        admin_message_id=message_id
    ).select_related("bot_user", "client").afirst()


def save_answer(feedback, answer, admin_user_id=None, admin_name=None,
                file_id=None, file_type=None):
    """Store an admin's reply (text and/or attachment) on an existing Feedback."""
    feedback.answer = answer or ""
    feedback.answer_file_id = file_id
    feedback.answer_file_type = file_type
    feedback.answered_by = admin_user_id
    feedback.answered_by_name = admin_name
    feedback.answered_at = timezone.now()
    feedback.save(update_fields=[
        "answer", "answer_file_id", "answer_file_type", "answered_by", "answered_by_name", "answered_at",
    ])
    return feedback


async def asave_answer(feedback, answer, admin_user_id=None, admin_name=None,
                file_id=None, file_type=None):
    """Store an admin's reply (text and/or attachment) on an existing Feedback."""
    feedback.answer = answer or ""
    feedback.answer_file_id = file_id
    feedback.answer_file_type = file_type
    feedback.answered_by = admin_user_id
    feedback.answered_by_name = admin_name
    feedback.answered_at = timezone.now()
    await feedback.asave(update_fields=[
        "answer", "answer_file_id", "answer_file_type", "answered_by", "answered_by_name", "answered_at",
    ])
    return feedback
