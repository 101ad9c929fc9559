from asgiref.sync import *


async def active_count():
    from shop.models import Category

    return await Category.objects.filter(active=True).acount()
