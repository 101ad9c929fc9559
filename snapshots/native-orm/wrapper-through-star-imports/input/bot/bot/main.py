from bot.bot import *


async def categories_menu(lang: str):
    # Everything here comes through `from bot.bot import *`.
    await sync_to_async(close_old_connections)()
    titles = await sync_to_async(list)(
        Category.objects.filter(active=True).values_list("title", flat=True)
    )
    return TEXTS[lang], titles


async def deactivate(pk: int):
    await sync_to_async(Category.objects.filter(pk=pk).update)(active=False)
