from asgiref.sync import sync_to_async
from telegram.constants import ParseMode

from bot.models import Bot_user, Feedback


async def notify_feedback_sent(bot, feedback: Feedback):
    if feedback.bot_user_id is not None and not Feedback.bot_user.is_cached(feedback):
        feedback.bot_user = await Bot_user._base_manager.aget(pk=feedback.bot_user_id)
    bot_user = feedback.bot_user
    if bot_user and bot_user.user_id:
        await bot.send_message(
            chat_id=bot_user.user_id,
            text="Ваше обращение отправлено",
            parse_mode=ParseMode.HTML,
        )


async def notify_admins(bot, feedback: Feedback, chat_id: int):
    if feedback.author_id is not None and not Feedback.author.is_cached(feedback):
        feedback.author = await Bot_user._base_manager.aget(pk=feedback.author_id)
    author = feedback.author
    if feedback.client_id is not None and not Feedback.client.is_cached(feedback):
        feedback.client = await Feedback.client.get_queryset(instance=feedback).aget(pk=feedback.client_id)
    client = feedback.client
    name = client.name if client else "—"
    await bot.send_message(chat_id=chat_id, text=f"{name} / {author.phone}")
    return (await sync_to_async(lambda: feedback.bot_user)()).phone
