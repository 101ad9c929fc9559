from asgiref.sync import sync_to_async
from telegram.constants import ParseMode

from bot.models import Feedback


async def notify_feedback_sent(bot, feedback: Feedback):
    bot_user = await sync_to_async(lambda: feedback.bot_user)()
    if bot_user and bot_user.user_id:
        await bot.send_message(
            chat_id=bot_user.user_id,
            text="Ваше обращение отправлено",
            parse_mode=ParseMode.HTML,
        )


async def notify_admins(bot, feedback: Feedback, chat_id: int):
    author = await sync_to_async(lambda: feedback.author)()
    client = await sync_to_async(lambda: feedback.client)()
    name = client.name if client else "—"
    await bot.send_message(chat_id=chat_id, text=f"{name} / {author.phone}")
    return (await sync_to_async(lambda: feedback.bot_user)()).phone
