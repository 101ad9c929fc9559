from telegram import Update
from telegram.ext import ContextTypes

from bot.models import Cabinet


async def show_orders(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    cabinet = await Cabinet.objects.aget(user_id=update.effective_user.id)
    client = await cabinet.get_client
    if client is None:
        await update.message.reply_text("Кабинет не привязан к клиенту")
        return
    manager = await cabinet.get_manager
    await update.message.reply_text(f"{client.name}: {manager.full_name}")
