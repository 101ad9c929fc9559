from asgiref.sync import sync_to_async
from telegram import Update
from telegram.ext import ContextTypes

from bot.services.feedback_service import (
    get_feedback_by_admin_message,
    save_answer,
    strip_marker,
)


def _extract_attachment(message):
    """(file_id, file_type) of the reply's photo or document, or (None, None)."""
    if message.photo:
        return message.photo[-1].file_id, "photo"
    if message.document:
        return message.document.file_id, "document"
    return None, None


async def admin_group_reply(update: Update, context: ContextTypes.DEFAULT_TYPE):
    """A reply in the admin group to a forwarded feedback is the answer to it."""
    message = update.effective_message
    if not message or not message.reply_to_message:
        return

    raw_text = message.text or message.caption or ""
    feedback = await sync_to_async(get_feedback_by_admin_message)(
        message.reply_to_message.message_id
    )
    if not feedback:
        return
    if context.user_data.get("editing"):
        # an answer being edited: the feedback the admin picked earlier
        feedback = context.user_data["feedback"]

    file_id, file_type = _extract_attachment(message)
    answer = strip_marker(raw_text)
    if not answer:
        return

    admin = update.effective_user
    admin_name = " ".join(filter(None, [admin.first_name, admin.last_name])) or admin.username

    feedback = await sync_to_async(save_answer)(
        feedback=feedback,  # loaded with its bot_user and client
        answer=answer,
        admin_user_id=admin.id,
        admin_name=admin_name,
        file_id=file_id,
        file_type=file_type,
    )
    await message.reply_text(f"Ответ отправлен: {feedback.bot_user.phone or '—'}")
